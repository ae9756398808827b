namespace VoiceConnector.Functions.Configuration;

/// <summary>This app as the outside world sees it (<c>Functions:*</c>).</summary>
public sealed class FunctionsOptions
{
    public const string Section = "Functions";

    /// <summary>
    /// The public URL Twilio calls (webhooks are configured as this plus <c>/twilio/voice</c> and
    /// <c>/twilio/status</c>, and signatures are checked against it).
    /// </summary>
    public Uri PublicBaseUrl { get; set; } = new("http://127.0.0.1:8081");

    /// <summary>Largest JSON body accepted by the provisioning API, in bytes (larger: 413).</summary>
    public int MaxApiBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Largest call record the edge may post, in bytes (larger: 413).</summary>
    public int MaxCallRecordBytes { get; set; } = 4 * 1024 * 1024;

    public string Url(string path) => PublicBaseUrl.GetLeftPart(UriPartial.Path).TrimEnd('/') + path;
}

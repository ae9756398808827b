namespace VoiceConnector.Functions.Configuration;

/// <summary>API key hashing (<c>ApiKeys:*</c>).</summary>
public sealed class ApiKeyOptions
{
    public const string Section = "ApiKeys";

    /// <summary>
    /// Secret HMAC-SHA256 key for hashing API keys. Required with PostgreSQL; with the embedded SQLite default a
    /// random pepper is generated once into the data folder when unset.
    /// </summary>
    public string Pepper { get; set => field = value ?? ""; } = "";
}

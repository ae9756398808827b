namespace VoiceConnector.Edge.Twilio.Protocol;

/// <summary>The <c>start</c> message's body: which call and stream, the audio format and the custom parameters.</summary>
public sealed record TwilioStart
{
    public string AccountSid { get; init; } = "";
    public string StreamSid { get; init; } = "";
    public string CallSid { get; init; } = "";
    public IReadOnlyList<string> Tracks { get; init; } = [];
    public TwilioMediaFormat? MediaFormat { get; init; }
    /// <summary>The <c>&lt;Parameter name value&gt;</c> pairs of the <c>&lt;Stream&gt;</c>.</summary>
    public IReadOnlyDictionary<string, string> CustomParameters { get; init; } = new Dictionary<string, string>();
}

namespace VoiceConnector.Edge.Twilio.Protocol;

/// <summary>
/// The <c>media</c> message's body: base64 mu-law audio. Twilio fills all fields; the server sends only the payload.
/// (The edge reads and writes media messages without this type, straight from and into pooled buffers.)
/// </summary>
public sealed record TwilioMedia
{
    public string? Track { get; init; }
    public string? Chunk { get; init; }
    public string? Timestamp { get; init; }
    public required string Payload { get; init; }
}

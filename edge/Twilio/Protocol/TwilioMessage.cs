namespace VoiceConnector.Edge.Twilio.Protocol;

/// <summary>
/// One Media Streams message as it travels on the WebSocket (a JSON text frame). <see cref="Event"/> names which of
/// the optional parts is present. Numeric-looking fields are strings on the wire, as Twilio sends them.
/// </summary>
public sealed record TwilioMessage
{
    public required string Event { get; init; }
    public string? SequenceNumber { get; init; }
    public string? StreamSid { get; init; }
    /// <summary>In <c>connected</c>: "Call".</summary>
    public string? Protocol { get; init; }
    /// <summary>In <c>connected</c>: the protocol's semantic version.</summary>
    public string? Version { get; init; }
    public TwilioStart? Start { get; init; }
    public TwilioMedia? Media { get; init; }
    public TwilioDtmf? Dtmf { get; init; }
    public TwilioMark? Mark { get; init; }
    public TwilioStop? Stop { get; init; }
}

namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>
/// What the parser made of some bytes. <see cref="Message"/> is set whenever a start line and headers could be read,
/// even when <see cref="Error"/> says the message is invalid, so that a request can still get its error response.
/// </summary>
/// <param name="Message">The message, or null when nothing usable was found (drop it).</param>
/// <param name="Error">Why the message is invalid, or null when it is valid.</param>
/// <param name="ErrorStatus">Response code for an invalid request (400, 505); 0 when valid.</param>
public sealed record SipParseResult(SipMessage? Message, string? Error, int ErrorStatus)
{
    public bool IsValid => Message is not null && Error is null;

    public static SipParseResult Valid(SipMessage message) => new(message, null, 0);

    public static SipParseResult Drop(string error) => new(null, error, 0);

    public static SipParseResult Invalid(SipMessage message, string error, int status = 400) => new(message, error, status);
}

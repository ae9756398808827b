namespace VoiceConnector.Functions.Storage;

/// <summary>One Twilio call status callback.</summary>
public sealed record StatusEvent(
    string CallSid,
    string CallStatus,
    int SequenceNumber,
    int? CallDuration,
    int? SipResponseCode,
    string? Timestamp,
    DateTimeOffset ReceivedAt);

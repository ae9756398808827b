using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Api.Calls;

/// <summary>A Twilio status callback of the call.</summary>
public sealed record StatusEventResource(string Status, int SequenceNumber, int? CallDuration, int? SipResponseCode, string? Timestamp, DateTimeOffset ReceivedAt)
{
    public static StatusEventResource From(StatusEvent statusEvent)
    {
        ArgumentNullException.ThrowIfNull(statusEvent);
        return new(statusEvent.CallStatus, statusEvent.SequenceNumber, statusEvent.CallDuration, statusEvent.SipResponseCode, statusEvent.Timestamp, statusEvent.ReceivedAt);
    }
}

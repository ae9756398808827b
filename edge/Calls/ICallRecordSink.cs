using VoiceConnector.Contracts;

namespace VoiceConnector.Edge.Calls;

/// <summary>Takes finished call records for delivery to the functions app (durably: an on-disk outbox).</summary>
public interface ICallRecordSink
{
    /// <summary>Accepts a record; returns once it is stored locally, not when it is delivered.</summary>
    ValueTask SubmitAsync(CallRecord record, CancellationToken cancellationToken);
}

using VoiceConnector.Contracts;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Benchmarks.Conversation;

/// <summary>Keeps the call record of the benchmark call.</summary>
internal sealed class RecordCollector : ICallRecordSink
{
    private readonly TaskCompletionSource<CallRecord> record = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<CallRecord> Record => record.Task;

    public ValueTask SubmitAsync(CallRecord callRecord, CancellationToken cancellationToken)
    {
        record.TrySetResult(callRecord);
        return ValueTask.CompletedTask;
    }
}

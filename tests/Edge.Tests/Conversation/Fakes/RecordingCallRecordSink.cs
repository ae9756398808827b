using VoiceConnector.Contracts;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Tests.Conversation.Fakes;

/// <summary>Keeps the records submitted.</summary>
internal sealed class RecordingCallRecordSink : ICallRecordSink
{
    private readonly TaskCompletionSource<CallRecord> first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<CallRecord> FirstRecord => first.Task;

    public ValueTask SubmitAsync(CallRecord record, CancellationToken cancellationToken)
    {
        first.TrySetResult(record);
        return ValueTask.CompletedTask;
    }
}

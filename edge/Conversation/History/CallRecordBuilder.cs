using VoiceConnector.Contracts;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Conversation.History;

/// <summary>Builds the <see cref="CallRecord"/> of a finished call and hands it to the record sink.</summary>
internal static class CallRecordBuilder
{
    private static readonly TimeSpan SubmitTimeout = TimeSpan.FromSeconds(10);

    public static CallRecord Build(CallDescription call, AgentLookup? lookup, DateTimeOffset answeredAt, DateTimeOffset endedAt, string outcome, string cause, IReadOnlyList<TranscriptTurn> turns) => new()
    {
        CallId = call.CallId,
        TwilioCallSid = call.TwilioCallSid,
        Transport = call.Transport == CallTransport.Sip ? "sip" : "twilio",
        From = call.From,
        To = call.To,
        AgentId = lookup?.Agent.AgentId,
        TenantId = lookup?.TenantId,
        Codec = call.Codec,
        StartedAt = call.StartedAt,
        AnsweredAt = answeredAt,
        EndedAt = endedAt,
        Outcome = outcome,
        HangupCause = cause,
        Turns = turns,
    };

    /// <summary>Submits the record; a failure is logged, never thrown (the call is over either way).</summary>
    public static async Task SubmitAsync(ICallRecordSink sink, CallRecord record, ILogger logger)
    {
        ConversationLog.CallEnded(logger, record.CallId, record.Outcome, record.HangupCause);
        try
        {
            using var timeout = new CancellationTokenSource(SubmitTimeout);
            await sink.SubmitAsync(record, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ConversationLog.RecordFailed(logger, record.CallId, ex);
        }
    }
}

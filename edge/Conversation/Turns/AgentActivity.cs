using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Conversation.Turns;

/// <summary>
/// Shared between the caller-audio loop and the conversation loop of one call: whether the agent is busy (thinking or
/// speaking), the cancellation of the reply in flight, and the barge-in that stops it.
/// </summary>
internal sealed class AgentActivity(ICallMedia call, TimeProvider time)
{
    private readonly object gate = new();
    private CancellationTokenSource? reply;
    private volatile bool busy;
    private long interruptedAtPosition = -1;

    /// <summary>True while the agent handles a caller turn or an event, until its speech has been played out.</summary>
    public bool IsBusy => busy || call.PlayoutPlayedPosition < call.PlayoutQueuedPosition;

    /// <summary><see cref="TimeProvider.GetTimestamp"/> of the last barge-in (for the benchmark and logs).</summary>
    public long LastInterruptTimestamp { get; private set; }

    /// <summary>Set while the agent says goodbye before hanging up: that is not interrupted.</summary>
    public bool Closing { get; set; }

    public void MarkBusy() => busy = true;

    public void MarkIdle() => busy = false;

    /// <summary>Starts a cancellable reply (LLM, TTS, playout) within the call's lifetime.</summary>
    public CancellationToken BeginReply(CancellationToken callToken)
    {
        lock (gate)
        {
            reply?.Dispose();
            reply = CancellationTokenSource.CreateLinkedTokenSource(callToken);
            interruptedAtPosition = -1;
            return reply.Token;
        }
    }

    /// <summary>Ends the reply; returns the played position at the barge-in that cut it, or -1 when it was not cut.</summary>
    public long EndReply()
    {
        lock (gate)
        {
            reply?.Dispose();
            reply = null;
            var position = interruptedAtPosition;
            interruptedAtPosition = -1;
            return position;
        }
    }

    /// <summary>
    /// Barge-in: flushes playout at once and cancels the reply in flight. Called on the caller-audio loop the
    /// moment caller speech reaches the minimum duration.
    /// </summary>
    public void Interrupt()
    {
        if (Closing)
        {
            return;
        }

        var played = call.ClearPlayout();
        LastInterruptTimestamp = time.GetTimestamp();
        lock (gate)
        {
            if (reply is not null && interruptedAtPosition < 0)
            {
                interruptedAtPosition = played;
                reply.Cancel();
            }
        }
    }
}

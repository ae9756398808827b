using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Conversation.Playout;
using VoiceConnector.Edge.Conversation.Turns;

namespace VoiceConnector.Edge.Conversation.Replies;

/// <summary>
/// Runs one stretch of agent speech (a reply, a greeting, a prompt) as a barge-in scope: it can be cancelled by the
/// caller until its audio has been played out, and then reports what the caller heard of it.
/// </summary>
internal sealed class InterruptibleSpeech(ICallMedia call, AgentActivity activity, PlayoutTracker tracker, TimeProvider time)
{
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Runs <paramref name="speak"/> and waits until its audio is played; cut to what was heard on barge-in, or to
    /// what was sent when the call ended meanwhile (the caller then checks the call's token).
    /// </summary>
    public async Task<SpokenReply> RunAsync(Func<CancellationToken, Task> speak, ReplyProgress progress, CancellationToken callToken)
    {
        ArgumentNullException.ThrowIfNull(speak);
        ArgumentNullException.ThrowIfNull(progress);
        tracker.BeginReply();
        var token = activity.BeginReply(callToken);
        long cutAt;
        try
        {
            await speak(token).ConfigureAwait(false);
            await DrainAsync(token).ConfigureAwait(false);
            cutAt = activity.EndReply();
        }
        catch (OperationCanceledException) when (!callToken.IsCancellationRequested)
        {
            cutAt = activity.EndReply();
        }
        catch (OperationCanceledException)
        {
            // The call ended while the agent spoke: report what was sent before it did.
            activity.EndReply();
            var atEnd = tracker.Split(call.PlayoutPlayedPosition, progress.Unqueued);
            return new SpokenReply(atEnd.Heard, false, "");
        }
        catch
        {
            activity.EndReply();
            throw;
        }

        if (cutAt < 0)
        {
            // Played in full: every chunk that produced audio (a chunk whose TTS failed produced none).
            return new SpokenReply(tracker.Split(long.MaxValue, "").Heard, false, "");
        }

        // Audio queued between the barge-in and the cancellation being seen is dropped here.
        var played = Math.Max(cutAt, call.ClearPlayout());
        var split = tracker.Split(played, progress.Unqueued);
        return new SpokenReply(split.Heard, true, split.Unheard);
    }

    /// <summary>Waits until everything queued has been played.</summary>
    public async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (call.PlayoutPlayedPosition < call.PlayoutQueuedPosition)
        {
            await Task.Delay(DrainPoll, time, cancellationToken).ConfigureAwait(false);
        }
    }
}

using System.Threading.Channels;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Conversation.Turns;

/// <summary>
/// The caller-audio loop of one call: every 20 ms frame goes through the VAD and the turn detector. It records
/// utterances, triggers barge-in the moment caller speech over the agent reaches the minimum duration, drops short
/// noises heard while the agent talks, and reports the caller's silence when the agent waits for an answer.
/// No allocation per frame.
/// </summary>
internal sealed class CallerListener(
    ICallMedia call,
    IVoiceActivityDetector vad,
    TurnDetector detector,
    UtteranceRecorder recorder,
    AgentActivity activity,
    ChannelWriter<ConversationEvent> events,
    TimeProvider time,
    int idleRepromptMs)
{
    private readonly int idleFrames = Math.Max(1, idleRepromptMs / 20);
    private int silentFrames;
    private bool segmentOverAgent;
    private bool interrupted;
    private DateTimeOffset segmentStartedAt;

    /// <summary>True while the caller is speaking (an open speech segment).</summary>
    public bool CallerSpeaking => detector.InSegment;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var reader = call.CallerAudio;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var frame))
            {
                ConversationEvent? raised;
                try
                {
                    raised = Process(frame.Samples);
                }
                finally
                {
                    frame.Dispose();
                }

                if (raised is not null)
                {
                    await events.WriteAsync(raised, cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Handles one frame; returns an event for the conversation loop when the frame completed one.</summary>
    internal ConversationEvent? Process(ReadOnlySpan<short> samples)
    {
        var speech = vad.IsSpeech(samples);
        recorder.Append(samples);
        var signal = detector.Process(speech);
        if (signal is TurnSignal.SpeechStarted or TurnSignal.BargeInThresholdReached && !recorder.Recording)
        {
            recorder.Start();
            segmentStartedAt = time.GetUtcNow() - TimeSpan.FromMilliseconds(detector.SegmentSpeechFrames * 20);
            segmentOverAgent = activity.IsBusy;
            interrupted = false;
        }

        if (signal == TurnSignal.BargeInThresholdReached)
        {
            if (activity.IsBusy)
            {
                activity.Interrupt();
                interrupted = true;
            }
            else
            {
                // Long enough to be a turn, and the agent is no longer talking.
                segmentOverAgent = false;
            }
        }

        if (signal == TurnSignal.TurnEnded || (recorder.Recording && recorder.Full))
        {
            return EndSegment();
        }

        return CountSilence();
    }

    private ConversationEvent? EndSegment()
    {
        var silence = detector.InSegment ? 0 : detector.EndSilenceFrames;
        detector.Reset();
        if (segmentOverAgent && !interrupted)
        {
            // A cough or a short noise while the agent talked: not a turn.
            recorder.Discard();
            return null;
        }

        var now = time.GetTimestamp();
        var endOfSpeech = now - (long)(silence * 20L * time.TimestampFrequency / 1000);
        var endOfSpeechAt = time.GetUtcNow() - TimeSpan.FromMilliseconds(silence * 20);
        activity.MarkBusy();
        silentFrames = 0;
        return new ConversationEvent(ConversationEventKind.CallerUtterance, recorder.Finish(segmentStartedAt, endOfSpeech, endOfSpeechAt, interrupted));
    }

    private ConversationEvent? CountSilence()
    {
        if (detector.InSegment || activity.IsBusy)
        {
            silentFrames = 0;
            return null;
        }

        if (++silentFrames < idleFrames)
        {
            return null;
        }

        silentFrames = 0;
        activity.MarkBusy();
        return new ConversationEvent(ConversationEventKind.Idle);
    }
}

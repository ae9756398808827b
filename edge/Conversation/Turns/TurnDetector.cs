namespace VoiceConnector.Edge.Conversation.Turns;

/// <summary>
/// Frame-by-frame turn taking on VAD decisions, counted in audio time (20 ms frames) so that it is exact
/// whatever the scheduling: a speech segment starts after <c>onset</c> speech frames in a row, reports when its
/// speech reaches the barge-in minimum, and ends after the end-of-turn silence.
/// </summary>
internal sealed class TurnDetector
{
    private readonly int onsetFrames;
    private readonly int bargeInFrames;
    private readonly int endSilenceFrames;
    private int speechRun;
    private int silenceRun;

    public TurnDetector(int onsetMs, int bargeInMinSpeechMs, int endOfTurnSilenceMs)
    {
        onsetFrames = FramesFor(onsetMs);
        bargeInFrames = Math.Max(onsetFrames, FramesFor(bargeInMinSpeechMs));
        endSilenceFrames = FramesFor(endOfTurnSilenceMs);
    }

    /// <summary>True while a speech segment is open (including its trailing silence).</summary>
    public bool InSegment { get; private set; }

    /// <summary>Speech frames in the open (or just ended) segment.</summary>
    public int SegmentSpeechFrames { get; private set; }

    /// <summary>True when the open (or just ended) segment reached the barge-in minimum.</summary>
    public bool ReachedBargeInMinimum => SegmentSpeechFrames >= bargeInFrames;

    /// <summary>Frames of speech that open a segment (they are part of it).</summary>
    public int OnsetFrames => onsetFrames;

    /// <summary>Trailing silence frames that close a segment.</summary>
    public int EndSilenceFrames => endSilenceFrames;

    public TurnSignal Process(bool isSpeech)
    {
        if (!InSegment)
        {
            speechRun = isSpeech ? speechRun + 1 : 0;
            if (speechRun < onsetFrames)
            {
                return TurnSignal.None;
            }

            InSegment = true;
            SegmentSpeechFrames = speechRun;
            silenceRun = 0;
            speechRun = 0;
            return SegmentSpeechFrames >= bargeInFrames ? TurnSignal.BargeInThresholdReached : TurnSignal.SpeechStarted;
        }

        if (isSpeech)
        {
            silenceRun = 0;
            SegmentSpeechFrames++;
            return SegmentSpeechFrames == bargeInFrames ? TurnSignal.BargeInThresholdReached : TurnSignal.None;
        }

        silenceRun++;
        if (silenceRun < endSilenceFrames)
        {
            return TurnSignal.None;
        }

        InSegment = false;
        silenceRun = 0;
        return TurnSignal.TurnEnded;
    }

    /// <summary>Abandons any open segment (after the agent hung up, or a forced end of a too-long utterance).</summary>
    public void Reset()
    {
        InSegment = false;
        speechRun = 0;
        silenceRun = 0;
        SegmentSpeechFrames = 0;
    }

    private static int FramesFor(int ms) => Math.Max(1, (ms + 19) / 20);
}

using VoiceConnector.Edge.Conversation.Turns;

namespace VoiceConnector.Edge.Tests.Conversation.Turns;

public sealed class TurnDetectorTests
{
    [Fact]
    public void Process_SpeechThenSilence_SignalsOnsetBargeInThresholdAndTurnEndInAudioTime()
    {
        var detector = new TurnDetector(onsetMs: 40, bargeInMinSpeechMs: 100, endOfTurnSilenceMs: 100);
        var signals = new List<(int Frame, TurnSignal Signal)>();
        var frames = Enumerable.Repeat(true, 10).Concat(Enumerable.Repeat(false, 6)).ToArray();
        for (var i = 0; i < frames.Length; i++)
        {
            var signal = detector.Process(frames[i]);
            if (signal != TurnSignal.None)
            {
                signals.Add((i, signal));
            }
        }

        Assert.Equal([(1, TurnSignal.SpeechStarted), (4, TurnSignal.BargeInThresholdReached), (14, TurnSignal.TurnEnded)], signals);
        Assert.Equal(10, detector.SegmentSpeechFrames);
    }

    [Fact]
    public void Process_ShortBurst_EndsWithoutReachingTheBargeInMinimum()
    {
        var detector = new TurnDetector(onsetMs: 40, bargeInMinSpeechMs: 250, endOfTurnSilenceMs: 100);
        var signals = Enumerable.Repeat(true, 5).Concat(Enumerable.Repeat(false, 5)).Select(detector.Process).ToList();

        Assert.DoesNotContain(TurnSignal.BargeInThresholdReached, signals);
        Assert.Equal(TurnSignal.TurnEnded, signals[^1]);
        Assert.False(detector.ReachedBargeInMinimum);
    }

    [Fact]
    public void Process_SingleSpeechFrames_NeverOpenASegment()
    {
        var detector = new TurnDetector(onsetMs: 60, bargeInMinSpeechMs: 250, endOfTurnSilenceMs: 100);
        var signals = Enumerable.Range(0, 40).Select(i => detector.Process(i % 2 == 0)).ToList();

        Assert.All(signals, s => Assert.Equal(TurnSignal.None, s));
        Assert.False(detector.InSegment);
    }
}

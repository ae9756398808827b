using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Ai.Local;
using VoiceConnector.Edge.Media;

#pragma warning disable MEAI001 // the TTS abstractions are [Experimental] in Microsoft.Extensions.AI 10.11

namespace VoiceConnector.Edge.Tests.Media;

public sealed class WebRtcVoiceActivityDetectorTests
{
    private const int Frame = 320;
    private const int AdaptationFrames = 10;

    [Fact]
    public async Task IsSpeech_FliteSpeech_MostVoicedFramesAreSpeech()
    {
        using var flite = new FliteTextToSpeechClient();
        var audio = WavFile.Parse(((DataContent)(await flite.GetAudioAsync("Hello, how can I help you today?")).Contents[0]).Data.Span, mixDown: true);
        using var vad = new WebRtcVoiceActivityDetector(2);

        var (speech, loud) = (0, 0);
        for (var offset = 0; offset + Frame <= audio.Samples.Length; offset += Frame)
        {
            var frame = audio.Samples.AsSpan(offset, Frame);
            var isLoud = Rms(frame) > 1000;
            loud += isLoud ? 1 : 0;
            speech += isLoud && vad.IsSpeech(frame) ? 1 : 0;
        }

        Assert.True(loud > 20);
        Assert.True(speech >= loud * 0.8, $"{speech} of {loud} voiced frames detected");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(30)]
    [InlineData(300)]
    public void IsSpeech_SilenceOrLowNoise_NoSpeechAfterAdaptation(int noiseAmplitude)
    {
        using var vad = new WebRtcVoiceActivityDetector(2);
        var random = new Random(7);
        var frame = new short[Frame];
        var (detections, late) = (0, 0);
        for (var i = 0; i < 150; i++)
        {
            for (var s = 0; s < frame.Length; s++)
            {
                frame[s] = (short)random.Next(-noiseAmplitude, noiseAmplitude + 1);
            }

            var speech = vad.IsSpeech(frame);
            detections += speech ? 1 : 0;
            late += speech && i >= AdaptationFrames ? 1 : 0;
        }

        // The noise model adapts within the first 200 ms: a few isolated frames there at most (well under any
        // minimum speech duration), none afterwards.
        Assert.True(detections <= 5, $"{detections} of 150 frames");
        Assert.Equal(0, late);
    }

    [Fact]
    public void IsSpeech_WrongFrameLength_Throws()
    {
        using var vad = new WebRtcVoiceActivityDetector(2);

        Assert.Throws<ArgumentException>(() => vad.IsSpeech(new short[100]));
    }

    [Fact]
    public void Create_Factory_ReturnsIndependentDetectors()
    {
        var factory = new WebRtcVoiceActivityDetectorFactory(Options.Create(new VoiceActivityOptions { Mode = 3 }));

        using var first = factory.Create();
        using var second = factory.Create();

        Assert.NotSame(first, second);
        Assert.False(first.IsSpeech(new short[Frame]));
    }

    [Fact]
    public void Constructor_ModeOutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new WebRtcVoiceActivityDetector(4));
    }

    private static double Rms(ReadOnlySpan<short> frame)
    {
        double sum = 0;
        foreach (var s in frame)
        {
            sum += s * (double)s;
        }

        return Math.Sqrt(sum / frame.Length);
    }
}

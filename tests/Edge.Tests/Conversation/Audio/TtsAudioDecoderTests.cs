using VoiceConnector.Edge.Conversation.Audio;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Tests.Conversation.Audio;

public sealed class TtsAudioDecoderTests
{
    [Fact]
    public void Decode_WavSplitInsideHeaderAndSample_YieldsAllSamples()
    {
        var pcm = Enumerable.Range(0, 1000).Select(i => (short)(i * 7)).ToArray();
        var wav = Wav(16_000, pcm);
        using var decoder = new TtsAudioDecoder();
        var output = new List<short>();
        foreach (var (start, end) in new[] { (0, 20), (20, 45), (45, 1001), (1001, wav.Length) })
        {
            output.AddRange(decoder.Decode(wav.AsSpan(start, end - start), "audio/wav").Span);
        }

        Assert.Equal(pcm, output);
    }

    [Fact]
    public void Decode_22050HzWav_IsResampledTo16k()
    {
        var pcm = Enumerable.Range(0, 22_050).Select(i => (short)(10_000 * Math.Sin(2 * Math.PI * 440 * i / 22_050.0))).ToArray();
        using var decoder = new TtsAudioDecoder();

        var output = decoder.Decode(Wav(22_050, pcm), "audio/wav").ToArray();

        Assert.InRange(output.Length, 15_990, 16_002);
        var crossings = 0;
        for (var i = 2_000; i < 15_000; i++)
        {
            crossings += (output[i - 1] < 0) != (output[i] < 0) ? 1 : 0;
        }

        // 440 Hz: 880 zero crossings a second, 13,000 samples at 16 kHz hold 715.
        Assert.InRange(crossings, 710, 720);
        Assert.InRange(output.Skip(2_000).Take(13_000).Max(s => (int)s), 9_500, 10_300);
    }

    [Fact]
    public void Decode_BigEndianL16_IsConverted()
    {
        using var decoder = new TtsAudioDecoder();
        var output = decoder.Decode(new byte[] { 0x01, 0x02, 0xFF, 0xFE }, "audio/L16;rate=16000").ToArray();

        Assert.Equal(new short[] { 0x0102, unchecked((short)0xFFFE) }, output);
    }

    [Fact]
    public void Decode_NotWav_Throws()
    {
        using var decoder = new TtsAudioDecoder();

        Assert.Throws<InvalidDataException>(() => decoder.Decode("<html>error</html>"u8, "audio/wav"));
    }

    private static byte[] Wav(int rate, short[] pcm) => WavFile.Encode(pcm, rate);
}

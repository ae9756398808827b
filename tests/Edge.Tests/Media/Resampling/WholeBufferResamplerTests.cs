using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Media.Resampling;

namespace VoiceConnector.Edge.Tests.Media.Resampling;

public sealed class WholeBufferResamplerTests
{
    [Theory]
    [InlineData(8000, 16000, 8001)]
    [InlineData(16000, 8000, 16001)]
    [InlineData(22050, 16000, 22050)]
    [InlineData(22050, 16000, 1000)]
    [InlineData(16000, 24000, 333)]
    public void Resample_AnyLength_GivesFloorOfScaledLength(int inputRate, int outputRate, int length)
    {
        var output = WholeBufferResampler.Resample(new PcmAudio(new short[length], inputRate), outputRate);

        Assert.Equal(outputRate, output.SampleRate);
        Assert.Equal((int)((long)length * outputRate / inputRate), output.Samples.Length);
    }

    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(16000, 8000)]
    [InlineData(22050, 16000)]
    [InlineData(16000, 22050)]
    public void Resample_Impulse_StaysAtTheSameTime(int inputRate, int outputRate)
    {
        var input = new short[inputRate];
        input[inputRate / 2] = 16000;

        var output = WholeBufferResampler.Resample(new PcmAudio(input, inputRate), outputRate).Samples;

        var peak = 0;
        for (var i = 1; i < output.Length; i++)
        {
            peak = Math.Abs((int)output[i]) > Math.Abs((int)output[peak]) ? i : peak;
        }

        Assert.InRange(peak, (outputRate / 2) - 1, (outputRate / 2) + 1);
    }

    [Fact]
    public void Resample_ToneUpToTheLastSample_TailFlushed()
    {
        var input = ToneGenerator.Sine(440, 8000, 8000);

        var output = WholeBufferResampler.Resample(new PcmAudio(input, 8000), 16000).Samples;

        // The last 100 ms (22 whole cycles) still carry the tone: the filter's delayed tail was pushed out, not cut off.
        Assert.InRange(ToneGenerator.ToneAmplitude(output.AsSpan(output.Length - 1600), 440, 16000), 7800, 8200);
        Assert.True(ToneGenerator.Rms(output.AsSpan(output.Length - 48)) > 4000, "the last 3 ms are silent");
    }

    [Fact]
    public void Resample_SameRate_ReturnsInput()
    {
        var audio = new PcmAudio([1, 2, 3], 16000);

        Assert.Same(audio, WholeBufferResampler.Resample(audio, 16000));
    }
}

using VoiceConnector.Edge.Media.Resampling;

namespace VoiceConnector.Edge.Tests.Media.Resampling;

public sealed class ResamplerTests
{
    [Theory]
    [InlineData(8000, 16000, 1000)]
    [InlineData(8000, 16000, 3000)]
    [InlineData(16000, 8000, 1000)]
    [InlineData(16000, 8000, 3000)]
    [InlineData(22050, 16000, 3000)]
    [InlineData(22050, 16000, 6500)]
    [InlineData(24000, 16000, 5000)]
    [InlineData(16000, 22050, 2000)]
    [InlineData(16000, 24000, 6000)]
    public void Process_ToneInPassband_KeepsAmplitudeAndFrequency(int inputRate, int outputRate, double frequency)
    {
        var output = ResampleInFrames(ToneGenerator.Sine(frequency, inputRate, inputRate), inputRate, outputRate);

        var steady = output.AsSpan(outputRate / 10, outputRate / 2);
        var amplitude = ToneGenerator.ToneAmplitude(steady, frequency, outputRate);
        Assert.InRange(20 * Math.Log10(amplitude / 8000), -0.2, 0.1);

        // Nothing else there: the residual after removing the tone is far below it.
        var residual = Math.Sqrt(Math.Max(0, Math.Pow(ToneGenerator.Rms(steady), 2) - (amplitude * amplitude / 2)));
        Assert.True(20 * Math.Log10(residual / amplitude) < -50, $"residual {20 * Math.Log10(residual / amplitude):F1} dB");
    }

    [Theory]
    [InlineData(8000, 16000, 1000, 7000)]
    [InlineData(8000, 16000, 3000, 5000)]
    [InlineData(16000, 24000, 2000, 14000)]
    public void Process_Upsampling_RejectsImages(int inputRate, int outputRate, double frequency, double image)
    {
        var output = ResampleInFrames(ToneGenerator.Sine(frequency, inputRate, inputRate), inputRate, outputRate);
        var steady = output.AsSpan(outputRate / 10, outputRate / 2);

        var level = 20 * Math.Log10(ToneGenerator.ToneAmplitude(steady, image, outputRate) / 8000);
        Assert.True(level < -60, $"image at {image} Hz: {level:F1} dB");
    }

    [Theory]
    [InlineData(16000, 8000, 6000, 2000)]
    [InlineData(16000, 8000, 4800, 3200)]
    [InlineData(22050, 16000, 10000, 6000)]
    [InlineData(24000, 16000, 11000, 5000)]
    public void Process_Downsampling_RejectsAliases(int inputRate, int outputRate, double frequency, double alias)
    {
        var output = ResampleInFrames(ToneGenerator.Sine(frequency, inputRate, inputRate), inputRate, outputRate);
        var steady = output.AsSpan(outputRate / 10, outputRate / 2);

        var level = 20 * Math.Log10(ToneGenerator.ToneAmplitude(steady, alias, outputRate) / 8000);
        Assert.True(level < -60, $"alias at {alias} Hz: {level:F1} dB");
    }

    [Theory]
    [InlineData(8000, 16000)]
    [InlineData(16000, 8000)]
    [InlineData(22050, 16000)]
    [InlineData(24000, 16000)]
    public void Process_OddChunks_SameAsOneShotAndExactLength(int inputRate, int outputRate)
    {
        var input = ToneGenerator.Sine(440, inputRate, inputRate);
        var oneShot = new Resampler(inputRate, outputRate);
        var whole = new short[oneShot.MaxOutputLength(input.Length)];
        var wholeCount = oneShot.Process(input, whole);

        var chunked = new Resampler(inputRate, outputRate);
        var pieces = new List<short>();
        var random = new Random(3);
        for (var offset = 0; offset < input.Length;)
        {
            var n = Math.Min(random.Next(1, 1500), input.Length - offset);
            var buffer = new short[chunked.MaxOutputLength(n)];
            var written = chunked.Process(input.AsSpan(offset, n), buffer);
            pieces.AddRange(buffer.AsSpan(0, written).ToArray());
            offset += n;
        }

        Assert.Equal(outputRate, wholeCount);
        Assert.Equal(whole.AsSpan(0, wholeCount).ToArray(), pieces);
    }

    [Fact]
    public void Process_20msFramesOf22050_GivesExactly320SamplesEach()
    {
        var resampler = new Resampler(22050, 16000);
        var output = new short[resampler.MaxOutputLength(441)];
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(320, resampler.Process(new short[441], output));
        }
    }

    [Fact]
    public void Process_OutputTooSmall_Throws() =>
        Assert.Throws<ArgumentException>(() => new Resampler(8000, 16000).Process(new short[160], new short[300]));

    private static short[] ResampleInFrames(short[] input, int inputRate, int outputRate)
    {
        var resampler = new Resampler(inputRate, outputRate);
        var frame = inputRate / 50;
        var output = new List<short>();
        var buffer = new short[resampler.MaxOutputLength(frame)];
        for (var offset = 0; offset + frame <= input.Length; offset += frame)
        {
            var n = resampler.Process(input.AsSpan(offset, frame), buffer);
            output.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        return [.. output];
    }
}

using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Tests.Media;

public sealed class WavFileTests
{
    [Theory]
    [InlineData(8000)]
    [InlineData(16000)]
    [InlineData(22050)]
    public void WriteRead_Samples_RoundTrip(int rate)
    {
        var samples = ToneGenerator.Sine(440, rate, 5000);
        using var stream = new MemoryStream();
        WavFile.Write(stream, samples, rate);
        Assert.Equal(44 + (2 * samples.Length), stream.Length);

        stream.Position = 0;
        var audio = WavFile.Read(stream);
        Assert.Equal(rate, audio.SampleRate);
        Assert.Equal(samples, audio.Samples);
    }

    [Fact]
    public void Read_SoxWrittenFileWithExtraChunks_ReadsData()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sox-{Guid.NewGuid():N}.wav");
        try
        {
            using (var process = System.Diagnostics.Process.Start("sox", ["-n", "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", path, "synth", "0.5", "sine", "1000", "vol", "0.25"])!)
            {
                Assert.True(process.WaitForExit(10_000));
                Assert.Equal(0, process.ExitCode);
            }

            using var file = File.OpenRead(path);
            var audio = WavFile.Read(file);
            Assert.Equal(16000, audio.SampleRate);
            Assert.Equal(8000, audio.Samples.Length);
            Assert.InRange(ToneGenerator.ToneAmplitude(audio.Samples, 1000, 16000), 7800, 8600);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Parse_Stereo_ThrowsInvalidData()
    {
        using var stream = new MemoryStream();
        WavFile.Write(stream, new short[10], 8000);
        var bytes = stream.ToArray();
        bytes[22] = 2;
        Assert.Throws<InvalidDataException>(() => WavFile.Parse(bytes));
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'W', (byte)'A', (byte)'V', (byte)'E' })]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'X', 0, 0, 0, 0, (byte)'W', (byte)'A', (byte)'V', (byte)'E' })]
    public void Parse_Garbage_ThrowsInvalidData(byte[] file) => Assert.Throws<InvalidDataException>(() => WavFile.Parse(file));
}

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

    [Fact]
    public void Encode_Samples_SameBytesAsWrite()
    {
        var samples = ToneGenerator.Sine(440, 16000, 3000);
        using var stream = new MemoryStream();
        WavFile.Write(stream, samples, 16000);

        Assert.Equal(stream.ToArray(), WavFile.Encode(samples, 16000));
    }

    [Fact]
    public void Parse_StereoMixedDown_AveragesChannels()
    {
        var file = WavFile.Encode([100, 300, -100, -301, 7, 9, 5], 8000);
        file[22] = 2;

        var audio = WavFile.Parse(file, mixDown: true);

        // Interleaved frames (100, 300), (-100, -301), (7, 9); the odd trailing sample is no whole frame.
        Assert.Equal(new short[] { 200, -200, 8 }, audio.Samples);
        Assert.Equal(8000, audio.SampleRate);
    }

    [Fact]
    public void Parse_ExtensiblePcm_ReadsData()
    {
        var samples = new short[] { 1, -2, 3 };
        var file = new List<byte>(WavFile.Encode(samples, 16000));
        var fmt = file.GetRange(20, 16);
        fmt[0] = 0xFE;
        fmt[1] = 0xFF;
        fmt.AddRange([22, 0, 16, 0, 4, 0, 0, 0, 1, 0, .. new byte[14]]);
        file.RemoveRange(16, 20);
        file.InsertRange(16, [40, 0, 0, 0, .. fmt]);

        var audio = WavFile.Parse(file.ToArray());

        Assert.Equal(samples, audio.Samples);
    }

    [Fact]
    public void Parse_DataSizeBeyondTheBytes_ClampsToWhatIsThere()
    {
        var file = WavFile.Encode([1, 2, 3, 4], 16000);
        file.AsSpan(40).Fill(0xFF);
        file[^1] = 0;
        file[^2] = 4;

        Assert.Equal(new short[] { -1, -1, -1, 4 }, WavFile.Parse(file).Samples);
    }

    [Theory]
    [InlineData("RIFF\0\0\0\0WAVE", true)]
    [InlineData("RIFF\0\0\0\0WAV", false)]
    [InlineData("<html>error</html>", false)]
    public void LooksLikeWav_Bytes_MatchesRiffWave(string text, bool expected) =>
        Assert.Equal(expected, WavFile.LooksLikeWav(System.Text.Encoding.ASCII.GetBytes(text)));
}

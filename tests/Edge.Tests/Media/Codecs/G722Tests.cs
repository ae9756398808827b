using System.Runtime.InteropServices;
using VoiceConnector.Edge.Media.Codecs;
using Xunit.Abstractions;

namespace VoiceConnector.Edge.Tests.Media.Codecs;

/// <summary>G.722 against ffmpeg's independent implementation (adpcm_g722), both directions.</summary>
public sealed class G722Tests(ITestOutputHelper output) : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("g722-").FullName;

    [Fact]
    public async Task Decode_FfmpegEncodedSpeechLikeSignal_ReconstructsWithHighSnr()
    {
        var input = TestSignal();
        var pcmPath = Path.Combine(directory, "in.raw");
        var g722Path = Path.Combine(directory, "ffmpeg.g722");
        await File.WriteAllBytesAsync(pcmPath, MemoryMarshal.AsBytes(input.AsSpan()).ToArray());
        await Ffmpeg.RunAsync("-f", "s16le", "-ar", "16000", "-ac", "1", "-i", pcmPath, "-c:a", "g722", "-f", "g722", g722Path);

        var codes = await File.ReadAllBytesAsync(g722Path);
        var decoded = new short[codes.Length * 2];
        new G722Decoder().Decode(codes, decoded);

        Assert.InRange(codes.Length, (input.Length / 2) - 16, (input.Length / 2) + 16);
        output.WriteLine($"ffmpeg encoder -> our decoder: SNR {BestSnr(input, decoded):F1} dB");
        Assert.True(BestSnr(input, decoded) > 20, $"SNR {BestSnr(input, decoded):F1} dB");
    }

    [Fact]
    public async Task Encode_DecodedByFfmpeg_ReconstructsWithHighSnr()
    {
        var input = TestSignal();
        var codes = new byte[input.Length / 2];
        new G722Encoder().Encode(input, codes);
        var g722Path = Path.Combine(directory, "ours.g722");
        var pcmPath = Path.Combine(directory, "out.raw");
        await File.WriteAllBytesAsync(g722Path, codes);
        await Ffmpeg.RunAsync("-f", "g722", "-i", g722Path, "-f", "s16le", "-ar", "16000", "-ac", "1", pcmPath);

        var decoded = MemoryMarshal.Cast<byte, short>(await File.ReadAllBytesAsync(pcmPath)).ToArray();
        output.WriteLine($"our encoder -> ffmpeg decoder: SNR {BestSnr(input, decoded):F1} dB");
        Assert.True(BestSnr(input, decoded) > 20, $"SNR {BestSnr(input, decoded):F1} dB");

        // Same bits, same decoder algorithm: ffmpeg's output equals ours sample for sample.
        var ours = new short[input.Length];
        new G722Decoder().Decode(codes, ours);
        Assert.Equal(ours.AsSpan(0, decoded.Length).ToArray(), decoded);
    }

    [Fact]
    public async Task Encode_SameInputAsFfmpeg_ProducesSameBitstream()
    {
        var input = TestSignal();
        var pcmPath = Path.Combine(directory, "in.raw");
        var g722Path = Path.Combine(directory, "ffmpeg.g722");
        await File.WriteAllBytesAsync(pcmPath, MemoryMarshal.AsBytes(input.AsSpan()).ToArray());
        await Ffmpeg.RunAsync("-f", "s16le", "-ar", "16000", "-ac", "1", "-i", pcmPath, "-c:a", "g722", "-f", "g722", g722Path);

        var theirs = await File.ReadAllBytesAsync(g722Path);
        var ours = new byte[input.Length / 2];
        new G722Encoder().Encode(input, ours);
        Assert.Equal(theirs, ours.AsSpan(0, theirs.Length).ToArray());
    }

    [Fact]
    public void EncodeDecode_InChunks_EqualsOneShot()
    {
        var input = TestSignal();
        var oneShot = new byte[input.Length / 2];
        new G722Encoder().Encode(input, oneShot);
        var encoder = new G722Encoder();
        var chunked = new byte[input.Length / 2];
        for (var i = 0; i < input.Length; i += 320)
        {
            encoder.Encode(input.AsSpan(i, Math.Min(320, input.Length - i)), chunked.AsSpan(i / 2));
        }

        Assert.Equal(oneShot, chunked);
    }

    [Fact]
    public void Encode_OddSampleCount_Throws() =>
        Assert.Throws<ArgumentException>(() => new G722Encoder().Encode(new short[3], new byte[2]));

    public void Dispose() => Directory.Delete(directory, recursive: true);

    /// <summary>Two seconds of a speech-like 16 kHz signal: a gliding harmonic series with a syllable envelope, plus some noise.</summary>
    private static short[] TestSignal()
    {
        var random = new Random(7);
        var samples = new short[32000];
        double phase = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var t = i / 16000.0;
            var f0 = 140 + (40 * Math.Sin(2 * Math.PI * 1.3 * t));
            phase += 2 * Math.PI * f0 / 16000;
            var envelope = 0.55 + (0.45 * Math.Sin(2 * Math.PI * 3 * t));
            double value = 0;
            for (var h = 1; h <= 20; h++)
            {
                value += Math.Sin(h * phase) / h;
            }

            samples[i] = (short)Math.Clamp((6000 * envelope * value) + (200 * (random.NextDouble() - 0.5)), short.MinValue, short.MaxValue);
        }

        return samples;
    }

    /// <summary>Signal-to-noise ratio in dB at the best alignment (the codec's QMF pair delays the output).</summary>
    private static double BestSnr(short[] reference, short[] decoded)
    {
        var best = double.MinValue;
        for (var lag = 0; lag < 64; lag++)
        {
            double signal = 0, noise = 0;
            for (var i = 1000; i < reference.Length - 1000 && i + lag < decoded.Length; i++)
            {
                double s = reference[i];
                var e = decoded[i + lag] - s;
                signal += s * s;
                noise += e * e;
            }

            best = Math.Max(best, 10 * Math.Log10(signal / Math.Max(noise, 1)));
        }

        return best;
    }
}

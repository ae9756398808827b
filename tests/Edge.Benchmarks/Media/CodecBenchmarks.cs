using BenchmarkDotNet.Attributes;
using VoiceConnector.Edge.Media.Codecs;

namespace VoiceConnector.Edge.Benchmarks.Media;

/// <summary>Cost of one 20 ms frame through each codec: encode then decode.</summary>
[MemoryDiagnoser]
public class CodecBenchmarks
{
    private readonly short[] narrowband = new short[160];
    private readonly short[] wideband = new short[320];
    private readonly short[] decoded = new short[320];
    private readonly byte[] payload = new byte[160];
    private readonly G722Encoder g722Encoder = new();
    private readonly G722Decoder g722Decoder = new();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        for (var i = 0; i < wideband.Length; i++)
        {
            wideband[i] = (short)((6000 * Math.Sin(i * 0.3)) + random.Next(-500, 500));
        }

        wideband.AsSpan(0, 160).CopyTo(narrowband);
    }

    [Benchmark(Description = "G.711 mu-law encode+decode, 20 ms (160 samples)")]
    public int MuLawFrame()
    {
        MuLaw.Encode(narrowband, payload);
        return MuLaw.Decode(payload, decoded);
    }

    [Benchmark(Description = "G.711 A-law encode+decode, 20 ms (160 samples)")]
    public int ALawFrame()
    {
        ALaw.Encode(narrowband, payload);
        return ALaw.Decode(payload, decoded);
    }

    [Benchmark(Description = "G.722 encode+decode, 20 ms (320 samples)")]
    public int G722Frame()
    {
        g722Encoder.Encode(wideband, payload);
        return g722Decoder.Decode(payload, decoded);
    }
}

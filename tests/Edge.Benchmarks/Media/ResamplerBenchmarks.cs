using BenchmarkDotNet.Attributes;
using VoiceConnector.Edge.Media.Resampling;

namespace VoiceConnector.Edge.Benchmarks.Media;

/// <summary>Cost of resampling one 20 ms frame with a stateful polyphase resampler.</summary>
[MemoryDiagnoser]
public class ResamplerBenchmarks
{
    private readonly short[] input = new short[480];
    private readonly short[] output = new short[1024];
    private Resampler resampler = null!;
    private int frame;

    [Params("8000->16000", "16000->8000", "22050->16000", "24000->16000", "16000->24000")]
    public string Rates { get; set; } = "8000->16000";

    [GlobalSetup]
    public void Setup()
    {
        var rates = Rates.Split("->");
        resampler = new Resampler(int.Parse(rates[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(rates[1], System.Globalization.CultureInfo.InvariantCulture));
        frame = resampler.InputRate / 50;
        for (var i = 0; i < input.Length; i++)
        {
            input[i] = (short)(8000 * Math.Sin(i * 0.2));
        }
    }

    [Benchmark(Description = "Resample 20 ms")]
    public int Frame() => resampler.Process(input.AsSpan(0, frame), output);
}

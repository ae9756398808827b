using System.Globalization;

namespace VoiceConnector.Edge.Benchmarks.Conversation;

/// <summary>Collects latencies (ms) and prints percentiles.</summary>
internal sealed class LatencyStats(string name)
{
    private readonly List<double> values = [];

    public string Name { get; } = name;

    public int Count => values.Count;

    public void Add(double ms) => values.Add(ms);

    public double Percentile(double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToList();
        var index = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }

    public string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name,-58} n={Count,3}  p50={Percentile(50),8:F1}  p90={Percentile(90),8:F1}  max={Percentile(100),8:F1} ms");
}

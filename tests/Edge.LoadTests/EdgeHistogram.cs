using System.Globalization;

namespace VoiceConnector.Edge.LoadTests;

/// <summary>A cumulative Prometheus histogram read from the edge's <c>/metrics</c> (bucket upper bounds and counts).</summary>
internal sealed record EdgeHistogram(double[] Bounds, long[] Cumulative)
{
    public const string SendInterval = "voiceconnector_twilio_send_interval_ms";

    public const string ThreadPoolDelay = "voiceconnector_threadpool_delay_ms";

    /// <summary>The histogram <paramref name="name"/> in a <c>/metrics</c> text, or null when it has none.</summary>
    public static EdgeHistogram? Parse(string text, string name)
    {
        var bounds = new List<double>();
        var counts = new List<long>();
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(name + "_bucket{le=\"", StringComparison.Ordinal))
            {
                continue;
            }

            var start = name.Length + 12;
            var end = line.IndexOf('"', start);
            var le = line[start..end];
            bounds.Add(le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture));
            counts.Add(long.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
        }

        return bounds.Count == 0 ? null : new EdgeHistogram([.. bounds], [.. counts]);
    }

    /// <summary>This histogram minus an earlier reading of it.</summary>
    public EdgeHistogram Since(EdgeHistogram? earlier) =>
        earlier is null ? this : this with { Cumulative = Cumulative.Select((c, i) => c - earlier.Cumulative[i]).ToArray() };

    public long Count => Cumulative.Length == 0 ? 0 : Cumulative[^1];

    /// <summary>Upper bound of the bucket holding the <paramref name="fraction"/> quantile.</summary>
    public double Quantile(double fraction)
    {
        var target = Math.Ceiling(Count * fraction);
        for (var i = 0; i < Cumulative.Length; i++)
        {
            if (Cumulative[i] >= target)
            {
                return Bounds[i];
            }
        }

        return double.NaN;
    }

    /// <summary>Fraction of samples in (<paramref name="low"/>, <paramref name="high"/>], both bucket bounds.</summary>
    public double FractionWithin(double low, double high)
    {
        var lowIndex = Array.IndexOf(Bounds, low);
        var highIndex = Array.IndexOf(Bounds, high);
        return Count == 0 || lowIndex < 0 || highIndex < 0 ? 0 : (double)(Cumulative[highIndex] - Cumulative[lowIndex]) / Count;
    }
}

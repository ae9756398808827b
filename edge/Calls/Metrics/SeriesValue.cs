using System.Text;

namespace VoiceConnector.Edge.Calls.Metrics;

/// <summary>The value of one series: a sum (counter), a last value (gauge) or a bucketed histogram.</summary>
internal sealed class SeriesValue
{
    /// <summary>Bucket upper bounds, chosen for milliseconds around the 20 ms audio frame and for turn latencies.</summary>
    public static readonly double[] Bounds =
        [1, 2, 5, 10, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 30, 40, 50, 75, 100, 150, 250, 500, 750, 1000, 1500, 2500, 5000, 10000, 30000];

    private readonly long[]? buckets;
    private double total;
    private long count;

    public SeriesValue(bool histogram)
    {
        buckets = histogram ? new long[Bounds.Length + 1] : null;
    }

    public bool HasData => Volatile.Read(ref count) > 0;

    public void Add(double value)
    {
        AddToTotal(value);
        Interlocked.Increment(ref count);
    }

    public void Set(double value)
    {
        Interlocked.Exchange(ref total, value);
        Interlocked.Increment(ref count);
    }

    public void Observe(double value)
    {
        var index = Array.BinarySearch(Bounds, value);
        if (index < 0)
        {
            index = ~index;
        }

        Interlocked.Increment(ref buckets![index]);
        AddToTotal(value);
        Interlocked.Increment(ref count);
    }

    public HistogramSnapshot Snapshot()
    {
        var counts = new long[buckets!.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] = Volatile.Read(ref buckets[i]);
        }

        return new HistogramSnapshot(Bounds, counts, Volatile.Read(ref total), Volatile.Read(ref count));
    }

    public void Render(StringBuilder text, string name, string labels)
    {
        if (buckets is null)
        {
            text.Append(name);
            AppendLabels(text, labels, null);
            text.Append(' ').Append(MetricsExporter.Format(Volatile.Read(ref total))).Append('\n');
            return;
        }

        var snapshot = Snapshot();
        long cumulative = 0;
        for (var i = 0; i < snapshot.BucketCounts.Count; i++)
        {
            cumulative += snapshot.BucketCounts[i];
            var le = i < Bounds.Length ? MetricsExporter.Format(Bounds[i]) : "+Inf";
            text.Append(name).Append("_bucket");
            AppendLabels(text, labels, le);
            text.Append(' ').Append(cumulative).Append('\n');
        }

        text.Append(name).Append("_sum");
        AppendLabels(text, labels, null);
        text.Append(' ').Append(MetricsExporter.Format(snapshot.Sum)).Append('\n');
        text.Append(name).Append("_count");
        AppendLabels(text, labels, null);
        text.Append(' ').Append(snapshot.Count).Append('\n');
    }

    private static void AppendLabels(StringBuilder text, string labels, string? le)
    {
        if (labels.Length == 0 && le is null)
        {
            return;
        }

        text.Append('{').Append(labels);
        if (le is not null)
        {
            text.Append(labels.Length > 0 ? "," : "").Append("le=\"").Append(le).Append('"');
        }

        text.Append('}');
    }

    private void AddToTotal(double value)
    {
        double initial, updated;
        do
        {
            initial = Volatile.Read(ref total);
            updated = initial + value;
        }
        while (Interlocked.CompareExchange(ref total, updated, initial) != initial);
    }
}

namespace VoiceConnector.Edge.LoadTests;

/// <summary>Thread-safe histogram of inter-arrival times in 0.1 ms buckets up to 1 s.</summary>
internal sealed class SpacingHistogram
{
    private const double BucketMs = 0.1;
    private readonly long[] buckets = new long[10_001];

    public void Record(double milliseconds)
    {
        var index = (int)Math.Min(buckets.Length - 1, Math.Max(0, milliseconds / BucketMs));
        Interlocked.Increment(ref buckets[index]);
    }

    public void Reset() => Array.Clear(buckets);

    public long Count => buckets.Sum();

    /// <summary>The value below which <paramref name="fraction"/> of the samples fall.</summary>
    public double Percentile(double fraction)
    {
        var total = Count;
        if (total == 0)
        {
            return double.NaN;
        }

        var target = (long)Math.Ceiling(total * fraction);
        long seen = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            seen += buckets[i];
            if (seen >= target)
            {
                return (i + 1) * BucketMs;
            }
        }

        return buckets.Length * BucketMs;
    }

    /// <summary>Fraction of samples in [<paramref name="low"/>, <paramref name="high"/>] ms.</summary>
    public double FractionWithin(double low, double high)
    {
        var total = Count;
        long inside = 0;
        for (var i = (int)(low / BucketMs); i <= (int)(high / BucketMs) && i < buckets.Length; i++)
        {
            inside += buckets[i];
        }

        return total == 0 ? 0 : (double)inside / total;
    }
}

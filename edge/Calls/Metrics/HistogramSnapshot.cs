namespace VoiceConnector.Edge.Calls.Metrics;

/// <summary>A histogram's cumulative state: counts per upper bound (the last bucket is +Inf), sum and count.</summary>
public sealed record HistogramSnapshot(IReadOnlyList<double> UpperBounds, IReadOnlyList<long> BucketCounts, double Sum, long Count)
{
    /// <summary>
    /// The upper bound of the bucket holding the <paramref name="quantile"/> (0..1) of measurements:
    /// the value is at most this. Infinity when it falls in the overflow bucket, NaN when empty.
    /// </summary>
    public double QuantileUpperBound(double quantile)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        var rank = (long)Math.Ceiling(quantile * Count);
        long seen = 0;
        for (var i = 0; i < BucketCounts.Count; i++)
        {
            seen += BucketCounts[i];
            if (seen >= rank)
            {
                return i < UpperBounds.Count ? UpperBounds[i] : double.PositiveInfinity;
            }
        }

        return double.PositiveInfinity;
    }

    /// <summary>Share of measurements at or below <paramref name="bound"/> (which must be one of the bucket bounds).</summary>
    public double FractionAtOrBelow(double bound)
    {
        if (Count == 0)
        {
            return double.NaN;
        }

        long seen = 0;
        for (var i = 0; i < UpperBounds.Count && UpperBounds[i] <= bound; i++)
        {
            seen += BucketCounts[i];
        }

        return (double)seen / Count;
    }
}

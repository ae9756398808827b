using System.Net;

namespace VoiceConnector.Edge.Sip.Access;

/// <summary>
/// A token bucket per source address, so that one source flooding requests is cut off without touching anyone
/// else. Bounded memory: at most <see cref="MaxSources"/> buckets; idle ones are forgotten.
/// </summary>
public sealed class SourceRateLimiter
{
    public const int MaxSources = 65536;

    private readonly Dictionary<IPAddress, Bucket> buckets = [];
    private readonly TimeProvider time;
    private readonly double ratePerSecond;
    private readonly double burst;

    public SourceRateLimiter(TimeProvider time, int ratePerSecond, int burst)
    {
        this.time = time;
        this.ratePerSecond = ratePerSecond;
        this.burst = burst;
    }

    /// <summary>
    /// Takes one token for the source. False when its bucket is empty; <paramref name="firstDrop"/> is true on the
    /// first refusal of a burst (log once, not per packet).
    /// </summary>
    public bool TryAcquire(IPAddress source, out bool firstDrop)
    {
        ArgumentNullException.ThrowIfNull(source);
        var now = time.GetTimestamp();
        lock (buckets)
        {
            if (!buckets.TryGetValue(source, out var bucket))
            {
                if (buckets.Count >= MaxSources)
                {
                    Evict(now);
                }

                bucket = new Bucket { Tokens = burst, Stamp = now };
                buckets[source] = bucket;
            }

            var elapsed = time.GetElapsedTime(bucket.Stamp, now).TotalSeconds;
            bucket.Tokens = Math.Min(burst, bucket.Tokens + (elapsed * ratePerSecond));
            bucket.Stamp = now;
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                bucket.Dropping = false;
                firstDrop = false;
                return true;
            }

            firstDrop = !bucket.Dropping;
            bucket.Dropping = true;
            return false;
        }
    }

    private void Evict(long now)
    {
        var idle = buckets.Where(b => time.GetElapsedTime(b.Value.Stamp, now) > TimeSpan.FromSeconds(10)).Select(b => b.Key).ToList();
        if (idle.Count == 0)
        {
            idle = buckets.Keys.Take(buckets.Count / 2).ToList();
        }

        foreach (var key in idle)
        {
            buckets.Remove(key);
        }
    }

    private sealed class Bucket
    {
        public double Tokens { get; set; }

        public long Stamp { get; set; }

        public bool Dropping { get; set; }
    }
}

using System.Net.Http.Headers;

namespace VoiceConnector.Functions.Twilio;

/// <summary>How long to wait before retrying: Twilio's Retry-After when given, else exponential backoff with jitter.</summary>
internal static class TwilioRetryDelay
{
    public static TimeSpan? FromRetryAfter(RetryConditionHeaderValue? retryAfter, TimeProvider time)
    {
        if (retryAfter?.Delta is TimeSpan delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is DateTimeOffset date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Delay before retry number <paramref name="retry"/> (1 = first retry): base * 2^(retry-1), 50-100% jitter.</summary>
    public static TimeSpan Backoff(TwilioOptions options, int retry)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 16));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
#pragma warning disable CA5394 // Jitter only spreads retries over time; it is not a security decision.
        var jittered = capped * (0.5 + (Random.Shared.NextDouble() * 0.5));
#pragma warning restore CA5394
        return TimeSpan.FromMilliseconds(jittered);
    }
}

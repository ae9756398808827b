using System.Net;
using Microsoft.Extensions.Options;

namespace VoiceConnector.Edge.Sip.Access;

/// <summary>Which sources may talk to us (allow-list of networks) and the per-source flood limit at the receive side.</summary>
public sealed class SipAccessPolicy
{
    private static readonly byte[][] LimitedMethods =
        [.. new[] { "INVITE ", "OPTIONS ", "REGISTER " }.Select(m => System.Text.Encoding.ASCII.GetBytes(m))];

    private readonly IpNetwork[] networks;
    private readonly SourceRateLimiter limiter;

    public SipAccessPolicy(IOptions<SipOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        networks = [.. value.EffectiveAllowedNetworks.Select(n => IpNetwork.TryParse(n, out var network) ? network : throw new OptionsValidationException(SipOptions.SectionName, typeof(SipOptions), ["bad network " + n]))];
        limiter = new SourceRateLimiter(time, value.RequestsPerSecondPerSource, value.RequestBurstPerSource);
    }

    public bool IsAllowed(IPAddress source)
    {
        foreach (var network in networks)
        {
            if (network.Contains(source))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Decides on the receive loop, before any parsing, whether a message gets any further work. Requests from
    /// outside the allow-list and out-of-dialog INVITE/OPTIONS/REGISTER count against the source's bucket;
    /// responses and ACK/BYE/CANCEL from allowed sources always pass, so floods never starve calls in progress.
    /// </summary>
    public bool Admit(ReadOnlySpan<byte> data, IPAddress source, out bool firstDrop)
    {
        firstDrop = false;
        var allowed = IsAllowed(source);
        if (allowed && !StartsWithLimitedMethod(data))
        {
            return true;
        }

        return limiter.TryAcquire(source, out firstDrop);
    }

    private static bool StartsWithLimitedMethod(ReadOnlySpan<byte> data)
    {
        foreach (var method in LimitedMethods)
        {
            if (data.StartsWith(method))
            {
                return true;
            }
        }

        return false;
    }
}

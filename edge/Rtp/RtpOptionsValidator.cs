using System.Net;
using Microsoft.Extensions.Options;

namespace VoiceConnector.Edge.Rtp;

/// <summary>Checks the Rtp section at start: parsable addresses and a port range holding at least one pair.</summary>
public sealed class RtpOptionsValidator : IValidateOptions<RtpOptions>
{
    public ValidateOptionsResult Validate(string? name, RtpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.BindAddress, out var bind))
        {
            failures.Add($"Rtp:BindAddress '{options.BindAddress}' is not an IP address.");
        }
        else if ((bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any)) && string.IsNullOrEmpty(options.AdvertisedAddress))
        {
            failures.Add("Rtp:AdvertisedAddress is required when Rtp:BindAddress is a wildcard (callers cannot send to 0.0.0.0).");
        }

        if (!string.IsNullOrEmpty(options.AdvertisedAddress) && !IPAddress.TryParse(options.AdvertisedAddress, out _))
        {
            failures.Add($"Rtp:AdvertisedAddress '{options.AdvertisedAddress}' is not an IP address.");
        }

        if (options.PortMin is < 1024 or > 65534 || options.PortMax is < 1025 or > 65535)
        {
            failures.Add("Rtp:PortMin and Rtp:PortMax must lie within 1024..65535.");
        }
        else if (((options.PortMin + 1) & ~1) + 1 > options.PortMax)
        {
            failures.Add("Rtp:PortMin..Rtp:PortMax must hold at least one even RTP port and the RTCP port above it.");
        }

        if (options.MaxPacingLoad is <= 0 or > 1)
        {
            failures.Add($"Rtp:MaxPacingLoad {options.MaxPacingLoad} must be above 0 and at most 1 (a share of the 20 ms tick).");
        }

        if (options.MaxThreadPoolLagMs is < 5 or > 10_000)
        {
            failures.Add($"Rtp:MaxThreadPoolLagMs {options.MaxThreadPoolLagMs} must be 5 to 10000.");
        }

        if (options.MaxCpuLoad is <= 0 or > 1)
        {
            failures.Add($"Rtp:MaxCpuLoad {options.MaxCpuLoad} must be above 0 and at most 1 (a share of all cores).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

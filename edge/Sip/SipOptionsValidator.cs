using System.Net;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Sip.Access;

namespace VoiceConnector.Edge.Sip;

/// <summary>Checks the SIP options at start: addresses and networks must parse.</summary>
public sealed class SipOptionsValidator : IValidateOptions<SipOptions>
{
    public ValidateOptionsResult Validate(string? name, SipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!IPAddress.TryParse(options.ListenAddress, out _))
        {
            failures.Add($"Sip:ListenAddress '{options.ListenAddress}' is not an IP address");
        }

        if (options.AdvertisedAddress is { Length: 0 })
        {
            failures.Add("Sip:AdvertisedAddress is empty");
        }

        foreach (var network in options.EffectiveAllowedNetworks)
        {
            if (!IpNetwork.TryParse(network, out _))
            {
                failures.Add($"Sip:AllowedNetworks entry '{network}' is not a CIDR network");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

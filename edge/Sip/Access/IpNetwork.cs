using System.Globalization;
using System.Net;

namespace VoiceConnector.Edge.Sip.Access;

/// <summary>A CIDR network ("10.0.0.0/8", "::1/128"); IPv4-mapped IPv6 addresses match their IPv4 network.</summary>
public sealed class IpNetwork
{
    private readonly byte[] prefix;
    private readonly int bits;

    private IpNetwork(byte[] prefix, int bits)
    {
        this.prefix = prefix;
        this.bits = bits;
    }

    public static bool TryParse(string text, out IpNetwork network)
    {
        ArgumentNullException.ThrowIfNull(text);
        network = null!;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash >= 0 ? text[..slash] : text;
        if (!IPAddress.TryParse(addressText.Trim(), out var address))
        {
            return false;
        }

        var bytes = address.GetAddressBytes();
        var max = bytes.Length * 8;
        var length = max;
        if (slash >= 0 && (!int.TryParse(text[(slash + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > max))
        {
            return false;
        }

        network = new IpNetwork(bytes, length);
        return true;
    }

    public bool Contains(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6 && prefix.Length == 4)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        if (bytes.Length != prefix.Length)
        {
            return false;
        }

        var remaining = bits;
        for (var i = 0; i < bytes.Length && remaining > 0; i++, remaining -= 8)
        {
            var mask = remaining >= 8 ? 0xFF : (byte)(0xFF << (8 - remaining));
            if ((bytes[i] & mask) != (prefix[i] & mask))
            {
                return false;
            }
        }

        return true;
    }
}

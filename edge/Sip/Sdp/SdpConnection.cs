using System.Net;
using System.Net.Sockets;

namespace VoiceConnector.Edge.Sip.Sdp;

/// <summary>The c= line address (IN IP4/IP6).</summary>
public static class SdpConnection
{
    public static string AddressType(string address) =>
        IPAddress.TryParse(address, out var ip) && ip.AddressFamily == AddressFamily.InterNetworkV6 ? "IP6" : "IP4";

    /// <summary>Parses "IN IP4 addr[/ttl]" and returns the address text, or null.</summary>
    public static string? Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts[0] != "IN" || parts[1] is not ("IP4" or "IP6"))
        {
            return null;
        }

        var slash = parts[2].IndexOf('/', StringComparison.Ordinal);
        return slash >= 0 ? parts[2][..slash] : parts[2];
    }

    public static string Format(string address) => $"IN {AddressType(address)} {address}";
}

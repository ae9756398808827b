using System.Globalization;
using System.Net;
using VoiceConnector.Edge.Sip.Messages;

namespace VoiceConnector.Edge.Sip.Transport;

/// <summary>Server transport rules for requests (RFC 3261 §18.2.1, RFC 3581) and responses (§18.2.2).</summary>
public static class SipResponseRouting
{
    /// <summary>Stamps the top Via with received (when the host differs, or rport was asked) and rport=port.</summary>
    public static void StampReceived(SipRequest request, SipRemote source)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        var top = request.TopVia;
        if (top is null)
        {
            return;
        }

        var sourceIp = source.EndPoint.Address.ToString();
        var updated = top;
        var wantsRport = top.RPort is { Length: 0 };
        if (wantsRport || !string.Equals(top.Host.Trim('[', ']'), sourceIp, StringComparison.OrdinalIgnoreCase))
        {
            updated = updated.WithParameter("received", sourceIp);
        }

        if (wantsRport)
        {
            updated = updated.WithParameter("rport", source.EndPoint.Port.ToString(CultureInfo.InvariantCulture));
        }

        if (!ReferenceEquals(updated, top))
        {
            request.Headers.ReplaceFirstValue(SipHeaderNames.Via, updated.ToString());
        }
    }

    /// <summary>Where a response to this request goes. Over TCP: back on the connection; over UDP per received/rport.</summary>
    public static SipRemote TargetFor(SipRequest request, SipRemote source)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        var top = request.TopVia;
        if (source.IsReliable || top is null)
        {
            return source;
        }

        var hostText = top.MAddr ?? top.Received ?? top.Host;
        if (!IPAddress.TryParse(hostText.Trim('[', ']'), out var address))
        {
            // A host name we would have to resolve: the source address is what actually works (symmetric signalling).
            return source;
        }

        int port;
        if (top.RPort is { Length: > 0 } rport && int.TryParse(rport, NumberStyles.None, CultureInfo.InvariantCulture, out var r))
        {
            port = r;
        }
        else
        {
            port = top.Port ?? 5060;
        }

        return new SipRemote(SipProtocol.Udp, new IPEndPoint(address, port));
    }
}

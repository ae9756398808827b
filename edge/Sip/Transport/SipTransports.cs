namespace VoiceConnector.Edge.Sip.Transport;

/// <summary>Routes sends to the UDP or TCP transport.</summary>
public sealed class SipTransports(UdpSipTransport udp, TcpSipTransport tcp) : ISipTransport
{
    public UdpSipTransport Udp { get; } = udp;

    public TcpSipTransport Tcp { get; } = tcp;

    public bool Send(SipRemote target, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(target);
        return target.Protocol == SipProtocol.Tcp ? Tcp.Send(target.EndPoint, data) : Udp.Send(target.EndPoint, data);
    }
}

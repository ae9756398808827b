using System.Net;

namespace VoiceConnector.Edge.Sip.Transport;

/// <summary>A peer address on a transport: where a message came from, or where one goes.</summary>
public sealed record SipRemote(SipProtocol Protocol, IPEndPoint EndPoint)
{
    public bool IsReliable => Protocol == SipProtocol.Tcp;

    public override string ToString() => Protocol + ":" + EndPoint;
}

namespace VoiceConnector.Edge.Sip.Transport;

/// <summary>Raw bytes of one message (a datagram or a framed stream message) and where it came from.</summary>
public sealed record SipInboundMessage(byte[] Data, SipRemote Source);

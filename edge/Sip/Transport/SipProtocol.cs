namespace VoiceConnector.Edge.Sip.Transport;

/// <summary>Transport a message travels on.</summary>
public enum SipProtocol
{
    Udp,
    Tcp,
}

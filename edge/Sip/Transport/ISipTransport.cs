namespace VoiceConnector.Edge.Sip.Transport;

/// <summary>Sends serialized messages. Never blocks: a send that cannot be queued is dropped and false returned.</summary>
public interface ISipTransport
{
    bool Send(SipRemote target, byte[] data);
}

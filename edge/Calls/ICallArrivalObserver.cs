namespace VoiceConnector.Edge.Calls;

/// <summary>
/// Told when a call starts ringing, before it is answered (e.g. to warm scaled-to-zero AI services up while the
/// caller still hears the ring). Called on the signalling path: must return at once and never throw.
/// </summary>
public interface ICallArrivalObserver
{
    void OnCallArriving(CallTransport transport);
}

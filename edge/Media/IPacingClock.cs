namespace VoiceConnector.Edge.Media;

/// <summary>
/// One timer wheel for all calls: every registered sender's <see cref="IPacedSender.OnTick"/> runs every 20 ms
/// from a single thread, instead of a timer or thread per call.
/// </summary>
public interface IPacingClock
{
    /// <summary>Starts ticking <paramref name="sender"/>; dispose the result to stop.</summary>
    IDisposable Register(IPacedSender sender);
}

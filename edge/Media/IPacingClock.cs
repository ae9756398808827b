namespace VoiceConnector.Edge.Media;

/// <summary>
/// One timer wheel for all calls: every registered sender's <see cref="IPacedSender.OnTick"/> runs every 20 ms
/// from a single thread, instead of a timer or thread per call.
/// </summary>
public interface IPacingClock
{
    /// <summary>Starts ticking <paramref name="sender"/>; dispose the result to stop.</summary>
    IDisposable Register(IPacedSender sender);

    /// <summary>
    /// The busiest pacing thread's share of its 20 ms tick spent working, smoothed over about a second: 0 when idle,
    /// 1 when a thread only just keeps up. New calls are refused above a configured share.
    /// </summary>
    double Load { get; }
}

namespace VoiceConnector.Edge.Media;

/// <summary>A stream that sends one 20 ms frame each time the shared pacing clock ticks.</summary>
public interface IPacedSender
{
    /// <summary>
    /// Called on the pacing clock's own thread once per 20 ms tick, for every sender of the thread before any
    /// <see cref="AfterTick"/>, so that each send happens as close to the tick as possible. Must not block or await:
    /// take the next queued frame (or nothing), send it without waiting, return.
    /// </summary>
    void OnTick(long tick);

    /// <summary>
    /// Called on the same thread once every sender of the thread has sent for <paramref name="tick"/>: the work that
    /// can wait a little (reading what arrived, reports, timers). Must not block or await.
    /// </summary>
    void AfterTick(long tick);
}

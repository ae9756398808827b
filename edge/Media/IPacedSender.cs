namespace VoiceConnector.Edge.Media;

/// <summary>A stream that sends one 20 ms frame each time the shared pacing clock ticks.</summary>
public interface IPacedSender
{
    /// <summary>
    /// Called on the pacing clock's own thread once per 20 ms tick. Must not block or await:
    /// take the next queued frame (or nothing), send it without waiting, return.
    /// </summary>
    void OnTick(long tick);
}

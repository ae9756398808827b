using System.Diagnostics;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Tests.Media;

/// <summary>A paced sender that works (spins) for a fixed time on every tick, to load a pacing thread for real.</summary>
internal sealed class BusySender(double milliseconds) : IPacedSender
{
    public void OnTick(long tick)
    {
        var until = Stopwatch.GetTimestamp() + (long)(milliseconds * Stopwatch.Frequency / 1000);
        while (Stopwatch.GetTimestamp() < until)
        {
            Thread.SpinWait(20);
        }
    }

    public void AfterTick(long tick)
    {
    }
}

using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Rtp.Dtmf;

/// <summary>
/// Turns received RFC 4733 packets into key presses, each reported once: an event is identified by its RTP
/// timestamp and code; it is reported on its first end packet, when a new event starts, or when updates stop for
/// <see cref="TimeoutMs"/> (all end packets lost). Updates and repeated end packets of a reported event are dropped.
/// Thread-safe (packets arrive on the receive loop, timeouts are checked on the clock tick).
/// </summary>
public sealed class DtmfReceiver
{
    public const int TimeoutMs = 400;

    private const int Remembered = 8;

    private readonly Lock gate = new();
    private readonly (uint Timestamp, byte Event)[] reported = new (uint, byte)[Remembered];
    private readonly int clockRate;
    private int reportedNext;
    private int reportedCount;
    private bool active;
    private uint activeTimestamp;
    private byte activeEvent;
    private ushort activeDuration;
    private long activeUpdatedMs;

    public DtmfReceiver(int clockRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        this.clockRate = clockRate;
    }

    /// <summary>Handles one telephone-event packet; returns the finished key presses (0, 1 or 2) through <paramref name="report"/>.</summary>
    public void OnPacket(ReadOnlySpan<byte> payload, uint timestamp, long nowMs, Action<DtmfDigit> report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (!TelephoneEvent.TryParse(payload, out var value) || TelephoneEvent.ToDigit(value.Event) is null)
        {
            return;
        }

        DtmfDigit? finishedPrevious = null;
        DtmfDigit? finished = null;
        lock (gate)
        {
            if (WasReported(timestamp, value.Event))
            {
                return;
            }

            if (active && (activeTimestamp != timestamp || activeEvent != value.Event))
            {
                finishedPrevious = Finish();
            }

            if (!active)
            {
                active = true;
                activeTimestamp = timestamp;
                activeEvent = value.Event;
                activeDuration = 0;
            }

            activeDuration = Math.Max(activeDuration, value.Duration);
            activeUpdatedMs = nowMs;
            if (value.End)
            {
                finished = Finish();
            }
        }

        if (finishedPrevious is { } previous)
        {
            report(previous);
        }

        if (finished is { } current)
        {
            report(current);
        }
    }

    /// <summary>Ends an event whose end packets were all lost; returns it once.</summary>
    public DtmfDigit? OnTimer(long nowMs)
    {
        lock (gate)
        {
            return active && nowMs - activeUpdatedMs >= TimeoutMs ? Finish() : null;
        }
    }

    private DtmfDigit Finish()
    {
        active = false;
        reported[reportedNext] = (activeTimestamp, activeEvent);
        reportedNext = (reportedNext + 1) % Remembered;
        reportedCount = Math.Min(reportedCount + 1, Remembered);
        return new DtmfDigit(TelephoneEvent.ToDigit(activeEvent)!.Value, activeDuration * 1000 / clockRate);
    }

    private bool WasReported(uint timestamp, byte code)
    {
        for (var i = 0; i < reportedCount; i++)
        {
            if (reported[i].Timestamp == timestamp && reported[i].Event == code)
            {
                return true;
            }
        }

        return false;
    }
}

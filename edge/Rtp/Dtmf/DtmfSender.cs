namespace VoiceConnector.Edge.Rtp.Dtmf;

/// <summary>
/// Sends queued key presses as RFC 4733 events, one packet per clock tick in place of audio: a start packet
/// (marker set), updates with growing duration, then the end packet three times, then a short gap.
/// <see cref="NextPacket"/> runs on the clock tick; <see cref="EnqueueAsync"/> completes once the end packets are sent.
/// The queue is under a lock, not lock-free: the tick runs at real-time priority, and spinning on a half-finished
/// enqueue would keep the enqueuing thread off its core (see <see cref="Media.LockedBlockMemoryPool"/>).
/// </summary>
public sealed class DtmfSender
{
    /// <summary>Packets per event before the end packets (5 x 20 ms = 100 ms tone).</summary>
    public const int TonePackets = 5;

    private const int EndRepeats = 3;
    private const int GapPackets = 2;
    private const byte Volume = 10;

    private readonly Lock gate = new();
    private readonly Queue<(byte Event, TaskCompletionSource Done)> pending = new();
    private int queued;
    private (byte Event, TaskCompletionSource Done) current;
    private int step = -1;
    private uint startTimestamp;

    /// <summary>Queues a key press; completes when its last end packet has been sent.</summary>
    public Task EnqueueAsync(char digit, CancellationToken cancellationToken)
    {
        var code = TelephoneEvent.FromDigit(digit);
        if (code < 0)
        {
            throw new ArgumentException($"'{digit}' is not a DTMF key.", nameof(digit));
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            pending.Enqueue(((byte)code, done));
            Volatile.Write(ref queued, pending.Count);
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Called every tick with the audio timestamp of this tick. Writes a telephone-event payload and returns true
    /// when a DTMF packet replaces audio in this tick.
    /// </summary>
    public bool NextPacket(uint timestamp, int samplesPerPacket, Span<byte> payload, out bool marker)
    {
        marker = false;
        if (step < 0)
        {
            if (!TryDequeue(out current))
            {
                return false;
            }

            step = 0;
            startTimestamp = timestamp;
        }

        var s = step++;
        if (s >= TonePackets + EndRepeats - 1)
        {
            // Gap between digits: audio (or silence) goes on.
            if (s >= TonePackets + EndRepeats - 1 + GapPackets)
            {
                step = -1;
            }

            return false;
        }

        var end = s >= TonePackets - 1;
        var duration = (ushort)(Math.Min(s + 1, TonePackets) * samplesPerPacket);
        marker = s == 0;
        new TelephoneEvent(current.Event, end, Volume, duration).Write(payload);
        if (s == TonePackets + EndRepeats - 2)
        {
            current.Done.TrySetResult();
        }

        return true;
    }

    /// <summary>The RTP timestamp of the event being sent (its start).</summary>
    public uint EventTimestamp => startTimestamp;

    /// <summary>Fails everything still queued (the call ended).</summary>
    public void Cancel()
    {
        while (TryDequeue(out var item))
        {
            item.Done.TrySetCanceled();
        }

        if (step >= 0)
        {
            current.Done?.TrySetCanceled();
        }
    }

    private bool TryDequeue(out (byte Event, TaskCompletionSource Done) item)
    {
        if (Volatile.Read(ref queued) == 0)
        {
            item = default; // the common case on every tick: nothing queued, no lock taken
            return false;
        }

        lock (gate)
        {
            var found = pending.TryDequeue(out item);
            Volatile.Write(ref queued, pending.Count);
            return found;
        }
    }
}

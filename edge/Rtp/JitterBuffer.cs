using System.Diagnostics;

namespace VoiceConnector.Edge.Rtp;

/// <summary>
/// Adaptive jitter buffer for one RTP stream: reorders by sequence number, drops duplicates and late packets,
/// reports losses for concealment, and keeps its depth near a target that follows the measured interarrival
/// jitter (RFC 3550 estimator): an underrun adds a packet of delay, a depth well above target drops one.
/// Bounded (<see cref="Capacity"/> packets of at most <see cref="MaxPayload"/> bytes), allocation-free after
/// construction, not thread-safe.
/// </summary>
public sealed class JitterBuffer
{
    public const int Capacity = 32;
    public const int MaxPayload = 640;
    public const int MinTargetPackets = 2;
    public const int MaxTargetPackets = 12;

    private readonly byte[] payloads = new byte[Capacity * MaxPayload];
    private readonly int[] lengths = new int[Capacity];
    private readonly long[] sequences = new long[Capacity];
    private readonly int clockRate;
    private bool started;
    private bool playing;
    private long next;
    private long highest;
    private int buffered;
    private long lastArrival;
    private uint lastTimestamp;
    private long lastSequence;
    private double jitterMs;
    private int packetMs = 20;

    public JitterBuffer(int clockRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(clockRate);
        this.clockRate = clockRate;
        sequences.AsSpan().Fill(-1);
    }

    /// <summary>Interarrival jitter estimate in milliseconds.</summary>
    public double JitterMs => jitterMs;

    /// <summary>Depth the buffer aims for, in packets.</summary>
    public int TargetPackets => Math.Clamp((int)Math.Ceiling(((3 * jitterMs) + 10) / packetMs), MinTargetPackets, MaxTargetPackets);

    /// <summary>Packets held now.</summary>
    public int Count => buffered;

    public long Lost { get; private set; }

    public long Late { get; private set; }

    public long Duplicates { get; private set; }

    public long Underruns { get; private set; }

    /// <summary>Packets dropped to bring the delay back down to the target.</summary>
    public long Shrunk { get; private set; }

    /// <summary>Adds a packet; <paramref name="arrival"/> is its <see cref="Stopwatch.GetTimestamp"/> arrival time.</summary>
    public JitterPushResult Push(ushort sequenceNumber, uint timestamp, ReadOnlySpan<byte> payload, long arrival)
    {
        if (payload.Length > MaxPayload)
        {
            return JitterPushResult.TooLarge;
        }

        var result = JitterPushResult.Accepted;
        long sequence;
        if (!started)
        {
            sequence = sequenceNumber;
            Restart(sequence);
        }
        else
        {
            sequence = Extend(sequenceNumber);
            if (sequence < next && next - sequence > Capacity)
            {
                // Far behind: the sender restarted its sequence numbers.
                result = RestartWith(sequence);
            }
            else if (sequence < next && playing)
            {
                Late++;
                return JitterPushResult.Late;
            }
            else if (sequence < next)
            {
                // Still filling: an earlier packet arrived after a later one.
                next = sequence;
            }
            else if (sequence - next >= Capacity)
            {
                if (sequence - next < 2 * Capacity)
                {
                    // Ahead of the window but close: make room by playing on from the oldest we can keep.
                    DropBefore(sequence - Capacity + 1);
                }
                else
                {
                    result = RestartWith(sequence);
                }
            }

            UpdateJitter(sequence, timestamp, arrival);
        }

        var slot = (int)(sequence % Capacity);
        if (sequences[slot] == sequence)
        {
            Duplicates++;
            return JitterPushResult.Duplicate;
        }

        sequences[slot] = sequence;
        lengths[slot] = payload.Length;
        payload.CopyTo(payloads.AsSpan(slot * MaxPayload, MaxPayload));
        buffered++;
        highest = Math.Max(highest, sequence);
        lastArrival = arrival;
        lastTimestamp = timestamp;
        lastSequence = sequence;
        return result;
    }

    /// <summary>Takes the next playout slot; for <see cref="JitterPopResult.Packet"/> the payload is copied to <paramref name="destination"/>.</summary>
    public JitterPopResult Pop(Span<byte> destination, out int length)
    {
        length = 0;
        if (!started || (!playing && highest - next + 1 < TargetPackets))
        {
            return JitterPopResult.Buffering;
        }

        playing = true;
        if (buffered > TargetPackets + 2)
        {
            // Too much delay built up (jitter went down, or a burst arrived): drop the oldest packet.
            DropBefore(next + 1);
            Shrunk++;
        }

        var slot = (int)(next % Capacity);
        if (sequences[slot] == next)
        {
            length = lengths[slot];
            payloads.AsSpan(slot * MaxPayload, length).CopyTo(destination);
            sequences[slot] = -1;
            buffered--;
            next++;
            return JitterPopResult.Packet;
        }

        if (buffered > 0)
        {
            Lost++;
            next++;
            return JitterPopResult.Lost;
        }

        Underruns++;
        return JitterPopResult.Underrun;
    }

    /// <summary>Forgets everything (new SSRC).</summary>
    public void Reset()
    {
        started = false;
        playing = false;
        buffered = 0;
        sequences.AsSpan().Fill(-1);
    }

    private JitterPushResult RestartWith(long sequence)
    {
        Restart(sequence);
        return JitterPushResult.Restarted;
    }

    private void Restart(long sequence)
    {
        Reset();
        started = true;
        next = sequence;
        highest = sequence;
        lastArrival = 0;
    }

    private long Extend(ushort sequenceNumber)
    {
        // The candidate nearest to the highest sequence number seen.
        var candidate = (highest & ~0xFFFFL) | sequenceNumber;
        if (candidate - highest > 0x8000)
        {
            candidate -= 0x10000;
        }
        else if (highest - candidate > 0x8000)
        {
            candidate += 0x10000;
        }

        return candidate < 0 ? candidate + 0x10000 : candidate;
    }

    private void DropBefore(long sequence)
    {
        for (var s = next; s < sequence; s++)
        {
            var slot = (int)(s % Capacity);
            if (sequences[slot] == s)
            {
                sequences[slot] = -1;
                buffered--;
            }
        }

        next = sequence;
    }

    private void UpdateJitter(long sequence, uint timestamp, long arrival)
    {
        if (lastArrival == 0)
        {
            return;
        }

        var timestampDelta = (int)(timestamp - lastTimestamp);
        var transitMs = ((arrival - lastArrival) * 1000.0 / Stopwatch.Frequency) - (timestampDelta * 1000.0 / clockRate);
        // A timestamp jump (new talkspurt, sender restart) is not jitter: bound one sample's influence.
        jitterMs += (Math.Min(Math.Abs(transitMs), 500) - jitterMs) / 16;
        if (sequence == lastSequence + 1 && timestampDelta > 0 && timestampDelta <= clockRate / 5)
        {
            packetMs = Math.Max(10, timestampDelta * 1000 / clockRate);
        }
    }
}

using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Rtp;

/// <summary>
/// The bounded queue of 16 kHz PCM waiting to be sent, with the playout positions of <see cref="ICallMedia"/>.
/// Producers (<see cref="PlayAsync"/>) wait while about a second is queued; the clock tick <see cref="Take"/>s
/// one packet's worth; <see cref="Clear"/> drops everything at once, including the rest of a
/// <see cref="PlayAsync"/> still waiting for room. Thread-safe.
/// </summary>
public sealed class PlayoutBuffer
{
    /// <summary>Producers wait while this much (1 s) or more is queued...</summary>
    public const int HighWater = AudioFrame.SampleRate;

    /// <summary>...until it drains to this much.</summary>
    public const int LowWater = AudioFrame.SampleRate / 2;

    private const int Capacity = 2 * HighWater;

    private readonly Lock gate = new();
    private readonly short[] ring = new short[Capacity];
    private int head;
    private int count;
    private long queued;
    private long played;
    private long generation;
    private TaskCompletionSource? roomWaiter;

    public long QueuedPosition
    {
        get
        {
            lock (gate)
            {
                return queued;
            }
        }
    }

    public long PlayedPosition => Interlocked.Read(ref played);

    /// <summary>Samples waiting.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    /// <summary>Copies <paramref name="pcm"/> in, waiting for room; stops early (dropping the rest) if <see cref="Clear"/> runs meanwhile.</summary>
    public async ValueTask PlayAsync(ReadOnlyMemory<short> pcm, CancellationToken cancellationToken)
    {
        long startGeneration;
        lock (gate)
        {
            startGeneration = generation;
        }

        while (!pcm.IsEmpty)
        {
            Task? wait = null;
            lock (gate)
            {
                if (generation != startGeneration)
                {
                    return;
                }

                if (count < HighWater)
                {
                    var n = Math.Min(pcm.Length, Capacity - count);
                    Write(pcm.Span[..n]);
                    pcm = pcm[n..];
                }
                else
                {
                    roomWaiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    wait = roomWaiter.Task;
                }
            }

            if (wait is not null)
            {
                await wait.WaitAsync(cancellationToken);
            }
        }
    }

    /// <summary>Moves up to <paramref name="destination"/>.Length samples out (the played position advances); returns how many.</summary>
    public int Take(Span<short> destination)
    {
        TaskCompletionSource? wake = null;
        int n;
        lock (gate)
        {
            n = Math.Min(count, destination.Length);
            var first = Math.Min(n, Capacity - head);
            ring.AsSpan(head, first).CopyTo(destination);
            ring.AsSpan(0, n - first).CopyTo(destination[first..]);
            head = (head + n) % Capacity;
            count -= n;
            Interlocked.Add(ref played, n);
            if (count <= LowWater && roomWaiter is not null)
            {
                (wake, roomWaiter) = (roomWaiter, null);
            }
        }

        wake?.TrySetResult();
        return n;
    }

    /// <summary>Drops everything queued; returns the played position, which becomes the queued position.</summary>
    public long Clear()
    {
        TaskCompletionSource? wake;
        long position;
        lock (gate)
        {
            count = 0;
            head = 0;
            generation++;
            position = Interlocked.Read(ref played);
            queued = position;
            (wake, roomWaiter) = (roomWaiter, null);
        }

        wake?.TrySetResult();
        return position;
    }

    private void Write(ReadOnlySpan<short> pcm)
    {
        var tail = (head + count) % Capacity;
        var first = Math.Min(pcm.Length, Capacity - tail);
        pcm[..first].CopyTo(ring.AsSpan(tail));
        pcm[first..].CopyTo(ring);
        count += pcm.Length;
        queued += pcm.Length;
    }
}

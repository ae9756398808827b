using System.Diagnostics;

namespace VoiceConnector.Edge.Media;

/// <summary>
/// The timer wheel for all calls: one <see cref="PacingThread"/> per core, all ticking every 20 ms on one shared,
/// absolute schedule (tick n of every thread is due at start + n * 20 ms). A sender is placed on the thread with the
/// fewest senders and stays there, so its ticks are consecutive and come from one thread; the work of many calls is
/// spread over the cores instead of queued behind one thread.
/// </summary>
public sealed class PacingClock : IPacingClock, IDisposable
{
    /// <summary>Tick period.</summary>
    public const int IntervalMs = 20;

    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly PacingThread[] threads;

    public PacingClock(ILogger<PacingClock> logger)
        : this(logger, Environment.ProcessorCount)
    {
    }

    /// <param name="logger">Where sender failures and overruns are logged.</param>
    /// <param name="threadCount">Pacing threads (one per core by default).</param>
    public PacingClock(ILogger<PacingClock> logger, int threadCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threadCount);
        var start = Stopwatch.GetTimestamp();
        threads = new PacingThread[threadCount];
        for (var i = 0; i < threadCount; i++)
        {
            threads[i] = new PacingThread(logger, start, i, stopping.Token);
        }
    }

    /// <summary>Number of registered senders.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var thread in threads)
            {
                count += thread.Count;
            }

            return count;
        }
    }

    /// <summary>Number of pacing threads.</summary>
    public int ThreadCount => threads.Length;

    /// <summary>Ticks skipped because a pacing thread fell behind.</summary>
    public long SkippedTicks
    {
        get
        {
            long skipped = 0;
            foreach (var thread in threads)
            {
                skipped += thread.SkippedTicks;
            }

            return skipped;
        }
    }

    public IDisposable Register(IPacedSender sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ObjectDisposedException.ThrowIf(stopping.IsCancellationRequested, this);
        PacingThread least;
        lock (gate)
        {
            least = threads[0];
            foreach (var thread in threads)
            {
                if (thread.Count < least.Count)
                {
                    least = thread;
                }
            }

            least.Add(sender);
        }

        return new Registration(least, sender);
    }

    public void Dispose()
    {
        stopping.Cancel();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        stopping.Dispose();
    }

    private sealed class Registration(PacingThread thread, IPacedSender sender) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                thread.Remove(sender);
            }
        }
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;

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

    /// <summary>The meter of the pacing histograms.</summary>
    public const string MeterName = "VoiceConnector.Edge";

    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly PacingThread[] threads;

    /// <param name="logger">Where sender failures and overruns are logged.</param>
    /// <param name="meterFactory">Where the tick lateness and work-time histograms are recorded (none when null).</param>
    /// <param name="threadCount">Pacing threads; 0 for one per core.</param>
    public PacingClock(ILogger<PacingClock> logger, IMeterFactory? meterFactory = null, int threadCount = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threadCount);
        threadCount = threadCount == 0 ? Environment.ProcessorCount : threadCount;
        Histogram<double>? lateness = null, work = null;
        if (meterFactory is not null)
        {
            var meter = meterFactory.Create(MeterName);
            lateness = meter.CreateHistogram<double>("voiceconnector.pacing.tick_lateness", "ms", "How late a pacing thread started a 20 ms tick");
            work = meter.CreateHistogram<double>("voiceconnector.pacing.tick_work", "ms", "Time a pacing thread spent on one tick for all its senders");
        }

        var start = Stopwatch.GetTimestamp();
        ScheduleStart = start;
        threads = new PacingThread[threadCount];
        for (var i = 0; i < threadCount; i++)
        {
            threads[i] = new PacingThread(logger, start, i, lateness, work, stopping.Token);
        }
    }

    /// <summary>The <see cref="Stopwatch"/> timestamp of tick 0: tick n is due at this + n * 20 ms.</summary>
    internal long ScheduleStart { get; }

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

    public double Load
    {
        get
        {
            var busiest = 0.0;
            foreach (var thread in threads)
            {
                busiest = Math.Max(busiest, thread.Load);
            }

            return busiest;
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

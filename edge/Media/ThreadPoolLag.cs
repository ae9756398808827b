using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VoiceConnector.Edge.Media;

/// <summary>
/// How long work waits in the .NET thread pool's queue: a thread of its own queues a probe every 50 ms and notes how
/// late it runs. The agents and the call setup run on the pool at normal priority, so when the process has more work
/// than cores this lag grows long before the pacing threads (which have a higher priority) show it; new streams are
/// refused while it is high (Twilio:MaxThreadPoolLagMs). <see cref="Milliseconds"/> is the larger of the
/// probes' recent lateness, decaying over about a second, and the wait of a probe still queued. Each probe's lateness
/// is also recorded (<c>voiceconnector.threadpool.delay</c>), so a stall between two scrapes still shows.
/// </summary>
public sealed class ThreadPoolLag : IDisposable
{
    private const int ProbeIntervalMs = 50;
    private const double Decay = 0.85; // per probe: a spike fades to a fifth in about half a second

    private readonly Thread thread;
    private readonly ManualResetEventSlim stopping = new();
    private readonly Histogram<double>? delays;
    private long queuedAt; // 0: no probe outstanding
    private double recentMs;

    public ThreadPoolLag(IMeterFactory? meterFactory = null)
    {
        var meter = meterFactory?.Create(PacingClock.MeterName);
        meter?.CreateObservableGauge("voiceconnector.threadpool.lag", () => Milliseconds, "ms", "How late work queued to the thread pool starts");
        delays = meter?.CreateHistogram<double>("voiceconnector.threadpool.delay", "ms", "How late each thread-pool probe (one every 50 ms) ran");
        thread = new Thread(Run) { IsBackground = true, Name = "threadpool-lag" };
        thread.Start();
    }

    /// <summary>The current lag in milliseconds.</summary>
    public double Milliseconds
    {
        get
        {
            var pending = Interlocked.Read(ref queuedAt);
            var waiting = pending == 0 ? 0 : Stopwatch.GetElapsedTime(pending).TotalMilliseconds;
            return Math.Max(Volatile.Read(ref recentMs), waiting);
        }
    }

    public void Dispose()
    {
        stopping.Set();
        thread.Join();
        stopping.Dispose();
    }

    private void Run()
    {
        while (!stopping.Wait(ProbeIntervalMs))
        {
            if (Interlocked.Read(ref queuedAt) != 0)
            {
                continue; // the last probe has not run yet: Milliseconds already counts its wait
            }

            Interlocked.Exchange(ref queuedAt, Stopwatch.GetTimestamp());
            ThreadPool.UnsafeQueueUserWorkItem(static lag => lag.OnProbe(), this, preferLocal: false);
        }
    }

    private void OnProbe()
    {
        var lateness = Stopwatch.GetElapsedTime(Interlocked.Exchange(ref queuedAt, 0)).TotalMilliseconds;
        delays?.Record(lateness);
        Volatile.Write(ref recentMs, Math.Max(lateness, Volatile.Read(ref recentMs) * Decay));
    }
}

using System.Diagnostics;

namespace VoiceConnector.Edge.Media;

/// <summary>
/// The one timer wheel for all calls: a single dedicated thread ticks every 20 ms on an absolute, drift-free
/// schedule (tick n is due at start + n * 20 ms, whatever the previous tick cost) and calls every registered
/// sender in turn. Coarse sleeps, then a short spin for the last fraction of a millisecond.
/// </summary>
public sealed partial class PacingClock : IPacingClock, IDisposable
{
    /// <summary>Tick period.</summary>
    public const int IntervalMs = 20;

    /// <summary>When the clock falls this many ticks behind (process paused), it skips ahead instead of bursting.</summary>
    private const int MaxBehindTicks = 5;

    private static readonly long IntervalTicks = Stopwatch.Frequency * IntervalMs / 1000;
    private static readonly long SpinThreshold = Stopwatch.Frequency * 3 / 2000;

    private readonly ILogger<PacingClock> logger;
    private readonly Lock gate = new();
    private readonly CancellationTokenSource stopping = new();
    private IPacedSender[] senders = [];
    private Thread? thread;

    public PacingClock(ILogger<PacingClock> logger) => this.logger = logger;

    /// <summary>Number of registered senders.</summary>
    public int Count => Volatile.Read(ref senders).Length;

    /// <summary>Ticks skipped because the clock thread fell behind.</summary>
    public long SkippedTicks { get; private set; }

    public IDisposable Register(IPacedSender sender)
    {
        ArgumentNullException.ThrowIfNull(sender);
        ObjectDisposedException.ThrowIf(stopping.IsCancellationRequested, this);
        lock (gate)
        {
            Volatile.Write(ref senders, [.. senders, sender]);
            if (thread is null)
            {
                thread = new Thread(Run) { IsBackground = true, Name = "pacing-clock", Priority = ThreadPriority.AboveNormal };
                thread.Start();
            }
        }

        return new Registration(this, sender);
    }

    public void Dispose()
    {
        stopping.Cancel();
        thread?.Join();
        stopping.Dispose();
    }

    private void Unregister(IPacedSender sender)
    {
        lock (gate)
        {
            var current = senders;
            var index = Array.IndexOf(current, sender);
            if (index >= 0)
            {
                Volatile.Write(ref senders, [.. current.AsSpan(0, index), .. current.AsSpan(index + 1)]);
            }
        }
    }

    private void Run()
    {
        var start = Stopwatch.GetTimestamp();
        long tick = 0;
        while (!stopping.IsCancellationRequested)
        {
            var due = start + (tick * IntervalTicks);
            WaitUntil(due);
            var current = Volatile.Read(ref senders);
            foreach (var sender in current)
            {
                try
                {
                    sender.OnTick(tick);
                }
#pragma warning disable CA1031 // One sender's failure must not stop the clock for every other call.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    LogSenderFailed(exception);
                }
            }

            tick++;
            var behind = (Stopwatch.GetTimestamp() - (start + (tick * IntervalTicks))) / IntervalTicks;
            if (behind > MaxBehindTicks)
            {
                tick += behind;
                SkippedTicks += behind;
                LogBehind(behind);
            }
        }
    }

    private void WaitUntil(long due)
    {
        while (true)
        {
            var remaining = due - Stopwatch.GetTimestamp();
            if (remaining <= 0 || stopping.IsCancellationRequested)
            {
                return;
            }

            if (remaining > SpinThreshold)
            {
                Thread.Sleep((int)Math.Max(1, ((remaining - SpinThreshold) * 1000 / Stopwatch.Frequency)));
            }
            else
            {
                Thread.SpinWait(50);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A paced sender failed on the clock tick")]
    private partial void LogSenderFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pacing clock fell {Ticks} ticks behind and skipped ahead")]
    private partial void LogBehind(long ticks);

    private sealed class Registration(PacingClock clock, IPacedSender sender) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                clock.Unregister(sender);
            }
        }
    }
}

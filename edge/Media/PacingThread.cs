using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace VoiceConnector.Edge.Media;

/// <summary>
/// One thread of the <see cref="PacingClock"/>: ticks every 20 ms on the clock's absolute, drift-free schedule
/// (tick n is due at start + n * 20 ms, whatever the previous tick cost) and calls each of its senders in turn:
/// first every sender's <see cref="IPacedSender.OnTick"/> (the sends), then every <see cref="IPacedSender.AfterTick"/>.
/// It sleeps until the tick is due and never spins: a tick fires at most about a millisecond late, never early. It
/// runs at real-time priority where permitted (<see cref="ThreadPriority"/>), and even when overrun sleeps 1 ms a tick.
/// </summary>
internal sealed partial class PacingThread
{
    /// <summary>When the thread falls this many ticks behind (process paused), it skips ahead instead of bursting.</summary>
    private const int MaxBehindTicks = 5;

    /// <summary>
    /// Real-time priority of a pacing thread (1-99; low, under kernel and audio-server threads): it then runs the
    /// moment its tick is due instead of waiting behind the thread pool or other processes on the same cores.
    /// </summary>
    private const int RealTimePriority = 10;

    /// <summary>Nice value when real-time scheduling is not permitted: ahead of bulk work at least.</summary>
    private const int Nice = -10;

    /// <summary>Weight of the newest tick in the smoothed load (about a second's memory).</summary>
    private const double LoadSmoothing = 0.02;

    private static readonly long IntervalTicks = Stopwatch.Frequency * PacingClock.IntervalMs / 1000;

    private readonly ILogger logger;
    private readonly Histogram<double>? lateness;
    private readonly Histogram<double>? work;
    private readonly long start;
    private readonly CancellationToken stopping;
    private readonly Lock gate = new();
    private IPacedSender[] senders = [];
    private Thread? thread;
    private long skippedTicks;
    private double load;

    public PacingThread(ILogger logger, long start, int index, Histogram<double>? lateness, Histogram<double>? work, CancellationToken stopping)
    {
        this.logger = logger;
        this.lateness = lateness;
        this.work = work;
        this.start = start;
        this.stopping = stopping;
        Index = index;
    }

    public int Index { get; }

    public int Count => Volatile.Read(ref senders).Length;

    public long SkippedTicks => Interlocked.Read(ref skippedTicks);

    /// <summary>Share of the tick spent working, smoothed over about 50 ticks (a second).</summary>
    public double Load => Volatile.Read(ref load);

    public void Add(IPacedSender sender)
    {
        lock (gate)
        {
            Volatile.Write(ref senders, [.. senders, sender]);
            if (thread is null)
            {
                thread = new Thread(Run) { IsBackground = true, Name = "pacing-clock-" + Index };
                thread.Start();
            }
        }
    }

    public void Remove(IPacedSender sender)
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

    public void Join() => thread?.Join();

    private void Run()
    {
        var priority = ThreadPriority.RaiseCurrentThread(RealTimePriority, Nice);
        LogPriority(logger, Index, priority);

        // Start at the clock's next tick, so that every thread numbers its ticks alike and none comes early.
        var tick = (Stopwatch.GetTimestamp() - start + IntervalTicks - 1) / IntervalTicks;
        while (!stopping.IsCancellationRequested)
        {
            var due = start + (tick * IntervalTicks);
            WaitUntil(due);
            var began = Stopwatch.GetTimestamp();
            var current = Volatile.Read(ref senders);
            foreach (var sender in current)
            {
                Call(sender, tick, afterTick: false);
            }

            foreach (var sender in current)
            {
                Call(sender, tick, afterTick: true);
            }

            var worked = Stopwatch.GetTimestamp() - began;
            Volatile.Write(ref load, load + ((((double)worked / IntervalTicks) - load) * LoadSmoothing));
            if (current.Length > 0)
            {
                lateness?.Record((began - due) * 1000.0 / Stopwatch.Frequency);
                work?.Record(worked * 1000.0 / Stopwatch.Frequency);
            }

            tick++;
            var behind = (Stopwatch.GetTimestamp() - (start + (tick * IntervalTicks))) / IntervalTicks;
            if (behind > MaxBehindTicks)
            {
                tick += behind;
                Interlocked.Add(ref skippedTicks, behind);
                LogBehind(logger, Index, behind);
            }
        }
    }

    private void Call(IPacedSender sender, long tick, bool afterTick)
    {
        try
        {
            if (afterTick)
            {
                sender.AfterTick(tick);
            }
            else
            {
                sender.OnTick(tick);
            }
        }
#pragma warning disable CA1031 // One sender's failure must not stop the clock for every other call.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogSenderFailed(logger, exception);
        }
    }

    private void WaitUntil(long due)
    {
        if (due - Stopwatch.GetTimestamp() <= 0)
        {
            // Overrun (more calls than the core carries): still give the core up for a moment, so that a real-time
            // pacing thread never starves signalling and the agents on its core.
            Thread.Sleep(1);
            return;
        }

        while (!stopping.IsCancellationRequested)
        {
            var remaining = due - Stopwatch.GetTimestamp();
            if (remaining <= 0)
            {
                return;
            }

            // Whole milliseconds while more than one is left, then one more millisecond: late by up to about 1 ms,
            // never early, and no core burnt spinning (which on a small machine is taken from the calls).
            Thread.Sleep((int)Math.Max(1, remaining * 1000 / Stopwatch.Frequency));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A paced sender failed on the clock tick")]
    private static partial void LogSenderFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pacing thread {Index} scheduling: {Level} (RealTime and Nice need CAP_SYS_NICE)")]
    private static partial void LogPriority(ILogger logger, int index, ThreadPriorityLevel level);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pacing thread {Index} fell {Ticks} ticks behind and skipped ahead")]
    private static partial void LogBehind(ILogger logger, int index, long ticks);
}

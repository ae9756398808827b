using System.Diagnostics;

namespace VoiceConnector.Edge.Media;

/// <summary>
/// One thread of the <see cref="PacingClock"/>: ticks every 20 ms on the clock's absolute, drift-free schedule
/// (tick n is due at start + n * 20 ms, whatever the previous tick cost) and calls each of its senders in turn:
/// first every sender's <see cref="IPacedSender.OnTick"/> (the sends), then every <see cref="IPacedSender.AfterTick"/>.
/// It sleeps until the tick is due and never spins: a tick fires at most about a millisecond late, never early.
/// </summary>
internal sealed partial class PacingThread
{
    /// <summary>When the thread falls this many ticks behind (process paused), it skips ahead instead of bursting.</summary>
    private const int MaxBehindTicks = 5;

    /// <summary>Nice value of a pacing thread: ahead of the thread pool and other bulk work on the same cores.</summary>
    private const int Nice = -10;

    private static readonly long IntervalTicks = Stopwatch.Frequency * PacingClock.IntervalMs / 1000;

    private readonly ILogger logger;
    private readonly long start;
    private readonly CancellationToken stopping;
    private readonly Lock gate = new();
    private IPacedSender[] senders = [];
    private Thread? thread;
    private long skippedTicks;

    public PacingThread(ILogger logger, long start, int index, CancellationToken stopping)
    {
        this.logger = logger;
        this.start = start;
        this.stopping = stopping;
        Index = index;
    }

    public int Index { get; }

    public int Count => Volatile.Read(ref senders).Length;

    public long SkippedTicks => Interlocked.Read(ref skippedTicks);

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
        if (!ThreadPriority.TrySetCurrentThreadNice(Nice))
        {
            LogNormalPriority(logger, Index, Nice);
        }

        // Start at the clock's next tick, so that every thread numbers its ticks alike and none comes early.
        var tick = (Stopwatch.GetTimestamp() - start + IntervalTicks - 1) / IntervalTicks;
        while (!stopping.IsCancellationRequested)
        {
            WaitUntil(start + (tick * IntervalTicks));
            var current = Volatile.Read(ref senders);
            foreach (var sender in current)
            {
                Call(sender, tick, afterTick: false);
            }

            foreach (var sender in current)
            {
                Call(sender, tick, afterTick: true);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Pacing thread {Index} runs at normal priority: setting nice {Nice} needs CAP_SYS_NICE")]
    private static partial void LogNormalPriority(ILogger logger, int index, int nice);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pacing thread {Index} fell {Ticks} ticks behind and skipped ahead")]
    private static partial void LogBehind(ILogger logger, int index, long ticks);
}

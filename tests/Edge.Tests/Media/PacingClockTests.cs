using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Tests.Media;

public sealed class PacingClockTests
{
    // Timing figures (spacing, p99) are measured by the load benchmarks; these tests check behaviour only, with
    // generous deadlines so that a loaded machine slows them down without failing them.
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Register_ManySenders_SpreadEvenlyOverThreadsEachSenderOnOneThreadAllInStep()
    {
        using var clock = new PacingClock(NullLogger<PacingClock>.Instance, threadCount: 2);
        var log = new ConcurrentQueue<TickEvent>();
        var senders = Enumerable.Range(0, 50).Select(_ => new RecordingSender(log)).ToList();
        var registrations = senders.Select(clock.Register).ToList();
        Assert.Equal(50, clock.Count);

        await WaitUntilAsync(() => senders.All(s => s.Ticks.Count >= 10));
        registrations.ForEach(r => r.Dispose());
        var counts = senders.Select(s => s.Ticks.Count).ToList();
        await Task.Delay(100);

        Assert.Equal(0, clock.Count);
        Assert.All(senders, s => Assert.Single(s.Threads.Distinct()));
        var perThread = senders.GroupBy(s => s.Threads.First()).Select(g => g.Count()).ToList();
        Assert.Equal([25, 25], perThread);

        // Every sender sees consecutive tick numbers, the same numbers on every thread (one schedule), and is not
        // called again once unregistered (at most the tick in flight).
        Assert.All(senders, s => AssertConsecutive(s.Ticks.ToArray()));
        var common = senders.Select(s => s.Ticks.ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; });
        Assert.NotEmpty(common);
        Assert.All(senders.Zip(counts), p => Assert.InRange(p.First.Ticks.Count, p.Second, p.Second + 1));
    }

    [Fact]
    public async Task Run_ManySenders_EverySendOfATickBeforeAnyAfterTickOnItsThread()
    {
        using var clock = new PacingClock(NullLogger<PacingClock>.Instance, threadCount: 2);
        var log = new ConcurrentQueue<TickEvent>();
        var senders = Enumerable.Range(0, 20).Select(_ => new RecordingSender(log)).ToList();
        var registrations = senders.Select(clock.Register).ToList();
        await WaitUntilAsync(() => senders.All(s => s.AfterTicks.Count >= 5));
        registrations.ForEach(r => r.Dispose());

        var events = log.ToArray();
        foreach (var group in events.Select((e, index) => (e, index)).GroupBy(x => (x.e.Thread, x.e.Tick)))
        {
            var lastSend = group.Where(x => !x.e.After).Select(x => x.index).DefaultIfEmpty(-1).Max();
            var firstAfter = group.Where(x => x.e.After).Select(x => x.index).DefaultIfEmpty(int.MaxValue).Min();
            Assert.True(lastSend < firstAfter, $"thread {group.Key.Thread} tick {group.Key.Tick}: an AfterTick ran before every OnTick");
        }

        Assert.All(senders, s => AssertConsecutive(s.AfterTicks.ToArray()));
    }

    [Fact]
    public async Task Run_Schedule_TicksNeverEarlyAndNoneSkipped()
    {
        using var clock = new PacingClock(NullLogger<PacingClock>.Instance);
        var sender = new RecordingSender(new ConcurrentQueue<TickEvent>());
        using (clock.Register(sender))
        {
            await WaitUntilAsync(() => sender.Ticks.Count >= 40);
        }

        var ticks = sender.Ticks.ToArray();
        var times = sender.Times.ToArray();
        AssertConsecutive(ticks);

        // Tick n is due at start + 20 n ms: whatever the load, no tick fires before its time, so the schedule
        // cannot drift ahead; a late tick is caught up, never dropped (the tick numbers have no gaps). Measured from
        // the schedule's own start, not from the first tick seen (which may itself have been late).
        var interval = Stopwatch.Frequency * PacingClock.IntervalMs / 1000;
        for (var i = 0; i < ticks.Length; i++)
        {
            var due = clock.ScheduleStart + (ticks[i] * interval);
            Assert.True(times[i] >= due, $"tick {ticks[i]} came {(due - times[i]) * 1000.0 / Stopwatch.Frequency:F3} ms early");
        }
    }

    [Fact]
    public async Task OnTick_SenderThrows_OtherSendersKeepTicking()
    {
        using var clock = new PacingClock(NullLogger<PacingClock>.Instance);
        var healthy = new RecordingSender(new ConcurrentQueue<TickEvent>());
        using var failing = clock.Register(new FailingSender());
        using var registration = clock.Register(healthy);
        await WaitUntilAsync(() => healthy.AfterTicks.Count >= 5);
        AssertConsecutive(healthy.Ticks.ToArray());
        AssertConsecutive(healthy.AfterTicks.ToArray());
    }

    [Fact]
    public async Task Load_SenderWorksMostOfEachTick_RisesThenFallsOnceItLeaves()
    {
        using var clock = new PacingClock(NullLogger<PacingClock>.Instance, threadCount: 1);
        Assert.Equal(0, clock.Load);
        using (clock.Register(new BusySender(milliseconds: 14)))
        {
            // 14 ms of work in each 20 ms tick: the smoothed load climbs towards 0.7.
            await WaitUntilAsync(() => clock.Load > 0.4);
        }

        using var idle = clock.Register(new RecordingSender(new ConcurrentQueue<TickEvent>()));
        await WaitUntilAsync(() => clock.Load < 0.1);
    }

    private static void AssertConsecutive(long[] ticks)
    {
        for (var i = 1; i < ticks.Length; i++)
        {
            Assert.Equal(ticks[i - 1] + 1, ticks[i]);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(stopwatch.Elapsed < Deadline, "the clock did not tick in time");
            await Task.Delay(10);
        }
    }

    private sealed record TickEvent(int Thread, long Tick, bool After);

    private sealed class RecordingSender(ConcurrentQueue<TickEvent> log) : IPacedSender
    {
        public ConcurrentQueue<long> Ticks { get; } = new();

        public ConcurrentQueue<long> AfterTicks { get; } = new();

        public ConcurrentQueue<long> Times { get; } = new();

        public ConcurrentQueue<int> Threads { get; } = new();

        public void OnTick(long tick)
        {
            Ticks.Enqueue(tick);
            Times.Enqueue(Stopwatch.GetTimestamp());
            Threads.Enqueue(Environment.CurrentManagedThreadId);
            log.Enqueue(new TickEvent(Environment.CurrentManagedThreadId, tick, After: false));
        }

        public void AfterTick(long tick)
        {
            AfterTicks.Enqueue(tick);
            log.Enqueue(new TickEvent(Environment.CurrentManagedThreadId, tick, After: true));
        }
    }

    private sealed class FailingSender : IPacedSender
    {
        public void OnTick(long tick) => throw new InvalidOperationException("boom");

        public void AfterTick(long tick) => throw new InvalidOperationException("boom");
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Tests.Media;

public sealed class PacingClockTests
{
    [Fact]
    public async Task Register_ManySenders_AllTickedFromOneThreadInStep()
    {
        using var clock = new PacingClock(NullLogger<PacingClock>.Instance);
        var senders = Enumerable.Range(0, 50).Select(_ => new RecordingSender()).ToList();
        var registrations = senders.Select(clock.Register).ToList();
        Assert.Equal(50, clock.Count);

        await Task.Delay(500);
        registrations.ForEach(r => r.Dispose());
        var counts = senders.Select(s => s.Ticks.Count).ToList();
        await Task.Delay(100);

        Assert.Equal(0, clock.Count);
        Assert.All(senders, s => Assert.Single(s.Threads.Distinct()));
        Assert.Single(senders.SelectMany(s => s.Threads).Distinct());
        Assert.All(counts, c => Assert.InRange(c, 15, 30));

        // Unregistered senders are not called again (at most the tick in flight).
        Assert.All(senders.Zip(counts), p => Assert.InRange(p.First.Ticks.Count, p.Second, p.Second + 1));
    }

    [Fact]
    public async Task Run_Schedule_IsDriftFreeAt20Ms()
    {
        using var clock = new PacingClock(NullLogger<PacingClock>.Instance);
        var sender = new RecordingSender();
        using (clock.Register(sender))
        {
            await Task.Delay(1100);
        }

        var ticks = sender.Ticks.ToArray();
        var times = sender.Times.ToArray();
        Assert.True(ticks.Length >= 40);

        // Tick n fires at start + 20 n ms: the average period over the run is 20 ms however long each wait was.
        var periodMs = (times[^1] - times[0]) * 1000.0 / Stopwatch.Frequency / (ticks[^1] - ticks[0]);
        Assert.InRange(periodMs, 19.5, 20.5);
        for (var i = 1; i < ticks.Length; i++)
        {
            Assert.Equal(ticks[i - 1] + 1, ticks[i]);
        }
    }

    [Fact]
    public async Task OnTick_SenderThrows_OtherSendersKeepTicking()
    {
        using var clock = new PacingClock(NullLogger<PacingClock>.Instance);
        var healthy = new RecordingSender();
        using var failing = clock.Register(new FailingSender());
        using var registration = clock.Register(healthy);
        await Task.Delay(200);
        Assert.True(healthy.Ticks.Count >= 5);
    }

    private sealed class RecordingSender : IPacedSender
    {
        public ConcurrentQueue<long> Ticks { get; } = new();

        public ConcurrentQueue<long> Times { get; } = new();

        public ConcurrentQueue<int> Threads { get; } = new();

        public void OnTick(long tick)
        {
            Ticks.Enqueue(tick);
            Times.Enqueue(Stopwatch.GetTimestamp());
            Threads.Enqueue(Environment.CurrentManagedThreadId);
        }
    }

    private sealed class FailingSender : IPacedSender
    {
        public void OnTick(long tick) => throw new InvalidOperationException("boom");
    }
}

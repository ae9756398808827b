using Microsoft.Extensions.Logging.Abstractions;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Rtp;
using VoiceConnector.Edge.Tests.Media;

namespace VoiceConnector.Edge.Tests.Rtp;

public sealed class RtpSessionFactoryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TryCreate_PacingThreadAboveMaxLoad_RefusesNewCallsUntilTheLoadFalls()
    {
        using var host = new RtpTestHost();
        using var clock = new PacingClock(NullLogger<PacingClock>.Instance, threadCount: 1);
        var factory = new RtpSessionFactory(host.Options, host.Ports, clock, host.ThreadPoolLag, host.CpuLoad, host.Metrics, NullLoggerFactory.Instance);
        var limit = host.Options.Value.MaxPacingLoad;

        // 19 ms of work in each 20 ms tick on the clock's one thread: the load climbs above the limit (0.75).
        using (clock.Register(new BusySender(milliseconds: 19)))
        {
            await WaitUntilAsync(() => clock.Load > limit);
            Assert.Null(factory.TryCreate(RtpTestHost.Call("refused"), new RecordingCallControl()));
            Assert.Equal(0, host.Ports.InUse);
        }

        await WaitUntilAsync(() => clock.Load < limit / 2);
        await using var accepted = factory.TryCreate(RtpTestHost.Call("accepted"), new RecordingCallControl());
        Assert.NotNull(accepted);
        Assert.Equal(1, host.Ports.InUse);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Tests.Rtp;

/// <summary>A real session factory on 127.0.0.1 with its own pacing clock and a random port range.</summary>
internal sealed class RtpTestHost : IDisposable
{
    private readonly ServiceProvider services;

    public RtpTestHost(int pairs = 20)
    {
        services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        MeterFactory = services.GetRequiredService<IMeterFactory>();
        Metrics = new RtpMetrics(MeterFactory);
        Clock = new PacingClock(NullLogger<PacingClock>.Instance);
        var portMin = 2 * Random.Shared.Next(15_000, 29_000);
        // The test process shares two cores with parallel tests: its thread pool may lag, and its cores be busy, for
        // reasons no call has.
        Options = Microsoft.Extensions.Options.Options.Create(new RtpOptions
        {
            BindAddress = "127.0.0.1", PortMin = portMin, PortMax = portMin + (2 * pairs) - 1, MaxThreadPoolLagMs = 10_000, MaxCpuLoad = 1,
        });
        Ports = new RtpPortAllocator(Options);
        ThreadPoolLag = new ThreadPoolLag();
        CpuLoad = new CpuLoad();
        Factory = new RtpSessionFactory(Options, Ports, Clock, ThreadPoolLag, CpuLoad, Metrics, NullLoggerFactory.Instance);
    }

    public IMeterFactory MeterFactory { get; }

    public RtpMetrics Metrics { get; }

    public PacingClock Clock { get; }

    public ThreadPoolLag ThreadPoolLag { get; }

    public CpuLoad CpuLoad { get; }

    public IOptions<RtpOptions> Options { get; }

    public RtpPortAllocator Ports { get; }

    public RtpSessionFactory Factory { get; }

    public static CallDescription Call(string id = "call-1") =>
        new(id, CallTransport.Sip, "alice", "1000", "PCMU", DateTimeOffset.UtcNow, new Dictionary<string, string>());

    public RtpSession Create(RecordingCallControl? control = null) =>
        (RtpSession)(Factory.TryCreate(Call(), control ?? new RecordingCallControl()) ?? throw new InvalidOperationException("no ports"));

    public void Dispose()
    {
        Clock.Dispose();
        ThreadPoolLag.Dispose();
        CpuLoad.Dispose();
        services.Dispose();
    }
}

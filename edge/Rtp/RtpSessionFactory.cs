using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Rtp;

/// <summary>
/// Creates <see cref="RtpSession"/>s: takes a port pair from the allocator, binds both UDP sockets on
/// Rtp:BindAddress (skipping pairs another process holds), and advertises Rtp:AdvertisedAddress. Refuses (null, so
/// the caller gets 503) when the ports are used up, the pacing threads are above Rtp:MaxPacingLoad, the thread pool
/// lags more than Rtp:MaxThreadPoolLagMs, or the cores are busier than Rtp:MaxCpuLoad.
/// </summary>
public sealed partial class RtpSessionFactory : IRtpSessionFactory
{
    private const int MaxBindAttempts = 16;

    private readonly RtpPortAllocator ports;
    private readonly IPacingClock clock;
    private readonly ThreadPoolLag threadPoolLag;
    private readonly CpuLoad cpuLoad;
    private readonly RtpMetrics metrics;
    private readonly ILoggerFactory loggerFactory;
    private readonly ILogger<RtpSessionFactory> logger;
    private readonly IPAddress bindAddress;
    private readonly IPAddress advertisedAddress;
    private readonly AdmissionLimits admission;

    public RtpSessionFactory(
        IOptions<RtpOptions> options, RtpPortAllocator ports, IPacingClock clock, ThreadPoolLag threadPoolLag, CpuLoad cpuLoad,
        RtpMetrics metrics, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        this.ports = ports;
        this.clock = clock;
        this.threadPoolLag = threadPoolLag;
        this.cpuLoad = cpuLoad;
        this.metrics = metrics;
        this.loggerFactory = loggerFactory;
        logger = loggerFactory.CreateLogger<RtpSessionFactory>();
        bindAddress = IPAddress.Parse(options.Value.BindAddress);
        admission = new AdmissionLimits("Rtp", options.Value.MaxPacingLoad, options.Value.MaxThreadPoolLagMs, options.Value.MaxCpuLoad);
        advertisedAddress = string.IsNullOrEmpty(options.Value.AdvertisedAddress) ? bindAddress : IPAddress.Parse(options.Value.AdvertisedAddress);
    }

    public IRtpSession? TryCreate(CallDescription description, ICallControl control)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(control);
        if (admission.Refusal(clock, threadPoolLag, cpuLoad) is { } refusal)
        {
            LogRefused(refusal);
            return null;
        }

        for (var attempt = 0; attempt < MaxBindAttempts; attempt++)
        {
            if (!ports.TryAllocate(out var port))
            {
                LogExhausted(ports.Capacity);
                return null;
            }

            var rtp = TryBind(port);
            var rtcp = rtp is null ? null : TryBind(port + 1);
            if (rtp is not null && rtcp is not null)
            {
                return new RtpSession(
                    description, control, rtp, rtcp, new IPEndPoint(advertisedAddress, port), () => ports.Release(port), clock, metrics,
                    loggerFactory.CreateLogger<RtpSession>());
            }

            // Someone else holds a port of this pair: give it back (round robin moves on) and try the next pair.
            rtp?.Dispose();
            ports.Release(port);
            LogPortBusy(port);
        }

        return null;
    }

    private Socket? TryBind(int port)
    {
        var socket = new Socket(bindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(bindAddress, port));
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "New call refused: {Reason}")]
    private partial void LogRefused(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RTP port range exhausted: all {Pairs} pairs in use")]
    private partial void LogExhausted(int pairs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "RTP port {Port} or the one above is used by another process; skipped")]
    private partial void LogPortBusy(int port);
}

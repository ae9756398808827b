using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Rtp;
using VoiceConnector.Edge.Sip.Access;
using VoiceConnector.Edge.Sip.Dialogs;
using VoiceConnector.Edge.Sip.Transactions;
using VoiceConnector.Edge.Sip.Transport;

namespace VoiceConnector.Edge.Sip;

/// <summary>
/// Runs the SIP stack: binds UDP and TCP on Sip:ListenAddress/Sip:Port, and one processing loop that takes
/// messages from the bounded inbound channel and hands them to the UAS. The loop has a thread of its own: under a
/// flood the channel always has messages, and an async loop would hold a thread-pool thread for as long as the flood
/// lasts, starving the calls' agents.
/// </summary>
public sealed class SipHostedService : IHostedService, IAsyncDisposable
{
    /// <summary>Messages waiting for the UAS; beyond this, new ones are dropped (logged once per episode).</summary>
    public const int InboundCapacity = 8192;

    private readonly SipOptions options;
    private readonly SipAccessPolicy policy;
    private readonly DigestAuthenticator digest;
    private readonly IRtpSessionFactory sessions;
    private readonly ICallAgent agent;
    private readonly ICallArrivalObserver[] arrivals;
    private readonly TimeProvider time;
    private readonly ILogger<SipHostedService> logger;
    private readonly Channel<SipInboundMessage> inbound = Channel.CreateBounded<SipInboundMessage>(
        new BoundedChannelOptions(InboundCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });

    private SipTransports? transports;
    private readonly TaskCompletionSource processed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? processing;

    public SipHostedService(
        IOptions<SipOptions> options,
        SipAccessPolicy policy,
        DigestAuthenticator digest,
        IRtpSessionFactory sessions,
        ICallAgent agent,
        TimeProvider time,
        ILogger<SipHostedService> logger,
        IEnumerable<ICallArrivalObserver>? arrivals = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.policy = policy;
        this.digest = digest;
        this.sessions = sessions;
        this.agent = agent;
        this.arrivals = arrivals is null ? [] : [.. arrivals];
        this.time = time;
        this.logger = logger;
    }

    /// <summary>The bound UDP address (the TCP listener uses the same port).</summary>
    public IPEndPoint? LocalEndPoint => transports?.Udp.LocalEndPoint;

    /// <summary>Live calls (for tests and metrics).</summary>
    public SipCallRegistry? Calls { get; private set; }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.Parse(options.ListenAddress);
        transports = Bind(address);
        var advertised = (options.AdvertisedAddress ?? options.ListenAddress) + ":" + transports.Udp.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var layer = new SipTransactionLayer(transports, time);
        Calls = new SipCallRegistry(layer, agent, logger);
        var invites = new SipInviteHandler(layer, Calls, sessions, digest, options, advertised, logger, arrivals);
        var uas = new SipUserAgentServer(layer, Calls, invites, policy, logger);
        transports.Udp.Start();
        transports.Tcp.Start();
        processing = new Thread(() => Process(uas)) { IsBackground = true, Name = "sip-processing" };
        processing.Start();
        return Task.CompletedTask;
    }

    private void Process(SipUserAgentServer uas)
    {
        try
        {
            var reader = inbound.Reader;

            // Blocking this thread (its own, not the pool's) while the channel is empty is the point.
            while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (reader.TryRead(out var message))
                {
                    uas.Handle(message);
                }
            }
        }
        finally
        {
            processed.TrySetResult();
        }
    }

    private SipTransports Bind(IPAddress address)
    {
        // Port 0 (tests): pick a UDP port, then take the same port for TCP; retry if another process got it first.
        for (var attempt = 0; ; attempt++)
        {
            var udp = new UdpSipTransport(new IPEndPoint(address, options.Port), inbound.Writer, policy, logger);
            try
            {
                var tcp = new TcpSipTransport(new IPEndPoint(address, udp.LocalEndPoint.Port), inbound.Writer, policy, logger);
                return new SipTransports(udp, tcp);
            }
            catch (SocketException) when (options.Port == 0 && attempt < 20)
            {
                udp.DisposeAsync().AsTask().GetAwaiter().GetResult();
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // While the transports still run: live calls drain, are asked to end, then get a BYE, and every agent's record is written.
        if (Calls is { } calls && Volatile.Read(ref transports) is not null)
        {
            await calls.ShutdownAsync(TimeSpan.FromSeconds(options.DrainTimeoutSeconds), TimeSpan.FromSeconds(options.FarewellSeconds), cancellationToken);
        }

        var bound = Interlocked.Exchange(ref transports, null);
        if (bound is not null)
        {
            await bound.Udp.DisposeAsync();
            await bound.Tcp.DisposeAsync();
        }

        inbound.Writer.TryComplete();
        if (processing is not null)
        {
            await processed.Task.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}

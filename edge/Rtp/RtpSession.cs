using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Rtp.Dtmf;
using VoiceConnector.Edge.Rtp.Rtcp;

namespace VoiceConnector.Edge.Rtp;

/// <summary>
/// One call's RTP/RTCP media on a port pair, driven by one registration on the shared pacing clock: every 20 ms the
/// tick sends one packet from the playout buffer, then (once every call on the clock thread has sent) reads the RTP
/// datagrams waiting on the (non-blocking) socket into the jitter buffer and plays the caller frames that are due. Reading on the tick costs a couple of system calls
/// per call and no thread wake-up per packet, which is what lets one machine carry many calls; it adds at most one
/// tick (20 ms) before a packet reaches the jitter buffer. RTCP, a packet every few seconds, has its own receive loop.
/// See <see cref="IRtpSession"/> for the lifecycle.
/// </summary>
public sealed partial class RtpSession : IRtpSession, IPacedSender
{
    private const int CallerAudioFrames = 50;
    private const int CallerDtmfCapacity = 32;

    /// <summary>Datagrams read per tick at most: 20 ms packets bring one per tick, so this only bounds a flood.</summary>
    private const int MaxDatagramsPerTick = 32;

    private readonly Lock gate = new();
    private readonly Socket rtpSocket;
    private readonly Socket rtcpSocket;
    private readonly Action releasePorts;
    private readonly ICallControl control;
    private readonly IPacingClock clock;
    private readonly RtpMetrics metrics;
    private readonly ILogger<RtpSession> logger;
    private readonly CancellationTokenSource ended = new();
    private readonly EndRequest endRequested = new();
    private readonly Channel<AudioFrame> callerAudio;
    private readonly Channel<DtmfDigit> callerDtmf;
    private readonly PlayoutBuffer playout = new();
    private readonly DtmfSender dtmfSender = new();
    private readonly byte[] datagram = new byte[2048];
    private readonly SocketAddress datagramSource;
    private RtpSessionParameters? parameters;
    private SymmetricRtpLatch? latch;
    private RtpReceiver? receiver;
    private RtpSender? sender;
    private RtcpReporter? rtcp;
    private IDisposable? clockRegistration;
    private Task receiveLoops = Task.CompletedTask;
    private string? endReason;
    private int disposed;

    internal RtpSession(
        CallDescription description, ICallControl control, Socket rtpSocket, Socket rtcpSocket, IPEndPoint advertised,
        Action releasePorts, IPacingClock clock, RtpMetrics metrics, ILogger<RtpSession> logger)
    {
        Description = description;
        this.control = control;
        this.rtpSocket = rtpSocket;
        this.rtcpSocket = rtcpSocket;
        this.releasePorts = releasePorts;
        this.clock = clock;
        this.metrics = metrics;
        this.logger = logger;
        LocalEndPoint = advertised;
        Ended = ended.Token;
        datagramSource = new SocketAddress(rtpSocket.AddressFamily);
        callerAudio = Channel.CreateBounded<AudioFrame>(
            new BoundedChannelOptions(CallerAudioFrames) { FullMode = BoundedChannelFullMode.DropOldest, SingleWriter = true },
            static dropped => dropped.Dispose());
        callerDtmf = Channel.CreateBounded<DtmfDigit>(new BoundedChannelOptions(CallerDtmfCapacity) { FullMode = BoundedChannelFullMode.DropOldest });
        metrics.Sessions.Add(1);
    }

    public CallDescription Description { get; }

    public IPEndPoint LocalEndPoint { get; }

    public ChannelReader<AudioFrame> CallerAudio => callerAudio.Reader;

    public ChannelReader<DtmfDigit> CallerDtmf => callerDtmf.Reader;

    /// <summary>Taken at construction: an agent still running after <see cref="DisposeAsync"/> may read it.</summary>
    public CancellationToken Ended { get; }

    public CancellationToken EndRequested => endRequested.Token;

    public string? EndReason => Volatile.Read(ref endReason);

    public long PlayoutQueuedPosition => playout.QueuedPosition;

    public long PlayoutPlayedPosition => playout.PlayedPosition;

    /// <summary>Where the caller's RTP really comes from, once latched (symmetric RTP).</summary>
    public IPEndPoint? LatchedRemoteEndPoint => Volatile.Read(ref latch)?.LatchedEndPoint;

    /// <summary>RTCP reports sent and received so far.</summary>
    public (int Sent, int Received) RtcpReports => rtcp is { } r ? (r.ReportsSent, r.ReportsReceived) : (0, 0);

    public void Start(RtpSessionParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        lock (gate)
        {
            if (this.parameters is not null)
            {
                throw new InvalidOperationException("The session has already started.");
            }

            ObjectDisposedException.ThrowIf(ended.IsCancellationRequested, this);
            this.parameters = parameters;
            latch = new SymmetricRtpLatch(parameters.RemoteEndPoint);
            receiver = new RtpReceiver(parameters, latch, metrics, callerAudio.Writer, callerDtmf.Writer);
            sender = new RtpSender(rtpSocket, parameters, latch, playout, dtmfSender, metrics);
            rtcp = new RtcpReporter(rtcpSocket, RtcpEndPoint(parameters.RemoteEndPoint), sender, receiver, metrics, $"edge@{LocalEndPoint}");
            rtpSocket.Blocking = false;
            receiveLoops = Task.Run(() => rtcp.ReceiveLoopAsync(ended.Token));
            clockRegistration = clock.Register(this);
        }

        LogStarted(Description.CallId, LocalEndPoint, parameters.RemoteEndPoint, parameters.Codec.Name);
    }

    public void Update(RtpSessionParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        lock (gate)
        {
            if (this.parameters is null || receiver is null || sender is null || rtcp is null)
            {
                throw new InvalidOperationException("Update before Start.");
            }

            var newLatch = latch!;
            if (!parameters.RemoteEndPoint.Equals(this.parameters.RemoteEndPoint))
            {
                newLatch = new SymmetricRtpLatch(parameters.RemoteEndPoint);
                rtcp.Update(RtcpEndPoint(parameters.RemoteEndPoint));
            }

            receiver.Update(parameters, newLatch);
            sender.Update(parameters, newLatch);
            latch = newLatch;
            this.parameters = parameters;
        }

        LogUpdated(Description.CallId, parameters.RemoteEndPoint, parameters.Codec.Name, parameters.Sending);
    }

    public void RequestEnd()
    {
        if (!ended.IsCancellationRequested)
        {
            endRequested.Request();
        }
    }

    public void End(string reason)
    {
        if (Interlocked.CompareExchange(ref endReason, reason ?? "ended", null) is not null)
        {
            return;
        }

        lock (gate)
        {
            if (rtcp is not null)
            {
                rtcp.OnTick(0, bye: true);
            }

            clockRegistration?.Dispose();
            clockRegistration = null;
        }

        ended.Cancel();
        callerAudio.Writer.TryComplete();
        callerDtmf.Writer.TryComplete();
        dtmfSender.Cancel();
        playout.Clear();
        LogEnded(Description.CallId, EndReason!);
    }

    void IPacedSender.OnTick(long tick)
    {
        lock (gate)
        {
            if (clockRegistration is null || sender is null)
            {
                return;
            }

            sender.OnTick();
        }
    }

    void IPacedSender.AfterTick(long tick)
    {
        lock (gate)
        {
            if (clockRegistration is null || receiver is null)
            {
                return;
            }

            ReceiveWaitingDatagrams();
            receiver.OnTick(Stopwatch.GetTimestamp());
            rtcp!.OnTick(tick);
        }
    }

    public ValueTask PlayAsync(ReadOnlyMemory<short> pcm, CancellationToken cancellationToken) =>
        ended.IsCancellationRequested ? ValueTask.CompletedTask : playout.PlayAsync(pcm, cancellationToken);

    public long ClearPlayout() => playout.Clear();

    public async ValueTask SendDtmfAsync(char digit, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref parameters)?.TelephoneEventPayloadType is null)
        {
            throw new InvalidOperationException("The caller did not negotiate telephone-event (RFC 4733): DTMF cannot be sent.");
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, Ended);
        await dtmfSender.EnqueueAsync(digit, linked.Token);
    }

    public async ValueTask HangUpAsync(string reason, CancellationToken cancellationToken)
    {
        await control.HangUpAsync(reason, cancellationToken);
        End(reason);
    }

    public ValueTask<bool> TransferAsync(string target, CancellationToken cancellationToken) => control.TransferAsync(target, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        End("disposed");
        rtpSocket.Dispose();
        rtcpSocket.Dispose();
        await receiveLoops.ConfigureAwait(false);
        releasePorts();
        metrics.Sessions.Add(-1);
        ended.Dispose();
        endRequested.Dispose();
    }

    /// <summary>Reads what the caller sent since the last tick (runs on the clock thread, under the session lock).</summary>
    private void ReceiveWaitingDatagrams()
    {
        try
        {
            // Poll, not Available: an empty datagram reads as 0 bytes available and would block the queue behind it.
            for (var i = 0; i < MaxDatagramsPerTick && rtpSocket.Poll(0, SelectMode.SelectRead); i++)
            {
                int length;
                try
                {
                    length = rtpSocket.ReceiveFrom(datagram, SocketFlags.None, datagramSource);
                }
                catch (SocketException)
                {
                    // An ICMP error reported on the socket (it is cleared by reading it): the next datagram is still there.
                    continue;
                }

                receiver!.OnDatagram(datagram.AsSpan(0, length), datagramSource, Stopwatch.GetTimestamp());
            }
        }
        catch (ObjectDisposedException)
        {
            // The call is being torn down.
        }
        catch (SocketException)
        {
            // Poll failed: nothing to read on this tick.
        }
    }

    private static IPEndPoint RtcpEndPoint(IPEndPoint rtp) => new(rtp.Address, rtp.Port == IPEndPoint.MaxPort ? rtp.Port : rtp.Port + 1);

    [LoggerMessage(Level = LogLevel.Information, Message = "RTP {CallId}: started on {Local}, caller {Remote}, codec {Codec}")]
    private partial void LogStarted(string callId, IPEndPoint local, IPEndPoint remote, string codec);

    [LoggerMessage(Level = LogLevel.Information, Message = "RTP {CallId}: updated, caller {Remote}, codec {Codec}, sending {Sending}")]
    private partial void LogUpdated(string callId, IPEndPoint remote, string codec, bool sending);

    [LoggerMessage(Level = LogLevel.Information, Message = "RTP {CallId}: ended ({Reason})")]
    private partial void LogEnded(string callId, string reason);
}

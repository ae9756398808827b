using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace VoiceConnector.Edge.Rtp.Rtcp;

/// <summary>
/// RTCP of one session on the odd port: sends SR (or RR before we have sent anything) with a report block about
/// the caller's stream and SDES CNAME every 5 s, randomised 0.5-1.5x (RFC 3550 §6.2); receives the caller's reports
/// (symmetric latch, malformed ones counted and dropped) for LSR/DLSR and the round-trip time.
/// </summary>
public sealed class RtcpReporter
{
    private const int TicksPerInterval = 250;

    private readonly Socket socket;
    private readonly RtpSender sender;
    private readonly RtpReceiver receiver;
    private readonly RtpMetrics metrics;
    private readonly byte[] packet = new byte[512];
    private readonly byte[] cname;
    private SymmetricRtpLatch latch;
    private long nextReportTick = -1;
    private uint lastSenderReport;
    private long lastSenderReportArrival;

    public RtcpReporter(Socket socket, IPEndPoint remoteRtcp, RtpSender sender, RtpReceiver receiver, RtpMetrics metrics, string canonicalName)
    {
        this.socket = socket;
        this.sender = sender;
        this.receiver = receiver;
        this.metrics = metrics;
        latch = new SymmetricRtpLatch(remoteRtcp);
        cname = Encoding.ASCII.GetBytes(canonicalName);
    }

    /// <summary>Round-trip time from the caller's last report block about our stream, if any.</summary>
    public TimeSpan? RoundTripTime { get; private set; }

    /// <summary>Reports received from the caller.</summary>
    public int ReportsReceived { get; private set; }

    /// <summary>Reports sent.</summary>
    public int ReportsSent { get; private set; }

    /// <summary>New signalled RTCP address (re-INVITE).</summary>
    public void Update(IPEndPoint remoteRtcp) => Volatile.Write(ref latch, new SymmetricRtpLatch(remoteRtcp));

    /// <summary>Clock tick: sends a report when the (randomised) interval is up.</summary>
    public void OnTick(long tick, bool bye = false)
    {
        if (nextReportTick < 0)
        {
            nextReportTick = tick + (TicksPerInterval / 2) + RandomNumberGenerator.GetInt32(TicksPerInterval);
        }

        if (tick < nextReportTick && !bye)
        {
            return;
        }

        nextReportTick = tick + (TicksPerInterval / 2) + RandomNumberGenerator.GetInt32(TicksPerInterval);
        var dlsr = lastSenderReportArrival == 0 ? 0u : (uint)((Stopwatch.GetTimestamp() - lastSenderReportArrival) * 65536 / Stopwatch.Frequency);
        var block = receiver.TakeReportBlock(Volatile.Read(ref lastSenderReport), dlsr);
        (ulong, uint, uint, uint)? senderInfo = sender.PacketsSent == 0 ? null : (NtpNow(), sender.Timestamp, sender.PacketsSent, sender.OctetsSent);
        var length = RtcpPacket.WriteReport(packet, sender.Ssrc, senderInfo, block, cname);
        if (bye)
        {
            length += RtcpPacket.WriteBye(packet.AsSpan(length), sender.Ssrc);
        }

        try
        {
            socket.SendTo(packet.AsSpan(0, length), SocketFlags.None, Volatile.Read(ref latch).Destination);
            ReportsSent++;
        }
        catch (SocketException)
        {
            // RTCP is best effort.
        }
        catch (ObjectDisposedException)
        {
            // The session closed meanwhile.
        }
    }

    /// <summary>Receive loop of the RTCP socket; ends when <paramref name="cancellationToken"/> fires or the socket closes.</summary>
    public async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[1500];
        var source = new SocketAddress(socket.AddressFamily);
        while (!cancellationToken.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await socket.ReceiveFromAsync(buffer, SocketFlags.None, source, cancellationToken);
            }
            catch (SocketException)
            {
                continue;
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }

            OnDatagram(buffer.AsSpan(0, length), source);
        }
    }

    private void OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress source)
    {
        if (!RtcpPacket.TryParse(datagram, out var report))
        {
            metrics.Invalid.Add(1);
            return;
        }

        if (!Volatile.Read(ref latch).Accept(source))
        {
            metrics.ThirdParty.Add(1);
            return;
        }

        ReportsReceived++;
        if (report.IsSenderReport)
        {
            Volatile.Write(ref lastSenderReport, (uint)(report.NtpTimestamp >> 16));
            lastSenderReportArrival = Stopwatch.GetTimestamp();
        }

        if (report.Block is { } block && block.Ssrc == sender.Ssrc && block.LastSenderReport != 0)
        {
            var now = (uint)(NtpNow() >> 16);
            var rtt = now - block.LastSenderReport - block.DelaySinceLastSenderReport;
            RoundTripTime = TimeSpan.FromSeconds(rtt / 65536.0);
        }
    }

    private static ulong NtpNow()
    {
        var now = DateTime.UtcNow - new DateTime(1900, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var seconds = (ulong)now.TotalSeconds;
        var fraction = (ulong)((now.TotalSeconds - seconds) * 4294967296.0);
        return (seconds << 32) | fraction;
    }
}

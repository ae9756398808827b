using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Rtp;
using VoiceConnector.Edge.Rtp.Dtmf;
using VoiceConnector.Edge.Rtp.Rtcp;

namespace VoiceConnector.Edge.Tests.Rtp.Rtcp;

public sealed class RtcpReporterTests : IDisposable
{
    private readonly RtpTestHost host = new();
    private readonly Socket rtp = Bind();
    private readonly Socket rtcp = Bind();
    private readonly UdpClient peerRtcp = new(new IPEndPoint(IPAddress.Loopback, 0));

    [Fact]
    public async Task OnTick_IntervalElapsed_SendsReportAndUsesCallerSenderReportForLsr()
    {
        var peerRtp = new IPEndPoint(IPAddress.Loopback, ((IPEndPoint)peerRtcp.Client.LocalEndPoint!).Port - 1);
        var parameters = new RtpSessionParameters(RtpCodec.Pcmu, 101, peerRtp);
        var latch = new SymmetricRtpLatch(peerRtp);
        var receiver = new RtpReceiver(parameters, latch, host.Metrics, Channel.CreateUnbounded<AudioFrame>(), Channel.CreateUnbounded<DtmfDigit>());
        var sender = new RtpSender(rtp, parameters, latch, new PlayoutBuffer(), new DtmfSender(), host.Metrics);
        var reporter = new RtcpReporter(rtcp, (IPEndPoint)peerRtcp.Client.LocalEndPoint!, sender, receiver, host.Metrics, "edge@test");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var loop = reporter.ReceiveLoopAsync(cts.Token);

        // Before anything was sent: a receiver report (first tick only schedules).
        reporter.OnTick(0);
        reporter.OnTick(1000);
        var first = await peerRtcp.ReceiveAsync(cts.Token);
        Assert.True(RtcpPacket.TryParse(first.Buffer, out var rr));
        Assert.False(rr.IsSenderReport);
        Assert.Equal(sender.Ssrc, rr.Ssrc);

        // The caller sends its SR; then after some audio our next report is an SR whose block echoes the caller's NTP.
        var srFromCaller = new byte[128];
        var length = RtcpPacket.WriteReport(srFromCaller, 0xABCD, (0x1234_5678_9ABC_DEF0UL, 1, 2, 3), null, "caller"u8);
        peerRtcp.Send(srFromCaller, length, (IPEndPoint)rtcp.LocalEndPoint!);
        await RtpSessionTests.WaitUntilAsync(() => reporter.ReportsReceived == 1);
        receiver.OnDatagram(RtpPeer.Packet(0, 1, 160, 0xABCD, new byte[160]), peerRtp.Serialize(), 1);
        sender.OnTick();
        reporter.OnTick(2000);

        var second = await peerRtcp.ReceiveAsync(cts.Token);
        Assert.True(RtcpPacket.TryParse(second.Buffer, out var sr));
        Assert.True(sr.IsSenderReport);
        Assert.Equal(1u, sr.PacketCount);
        Assert.Equal(160u, sr.OctetCount);
        Assert.Equal(0xABCDu, sr.Block!.Value.Ssrc);
        Assert.Equal(0x5678_9ABCu, sr.Block.Value.LastSenderReport);

        // Garbage on the RTCP port is counted, not fatal.
        peerRtcp.Send([1, 2, 3], 3, (IPEndPoint)rtcp.LocalEndPoint!);
        cts.Cancel();
        await loop;
    }

    public void Dispose()
    {
        rtp.Dispose();
        rtcp.Dispose();
        peerRtcp.Dispose();
        host.Dispose();
    }

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }
}

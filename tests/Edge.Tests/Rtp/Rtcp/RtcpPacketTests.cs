using VoiceConnector.Edge.Rtp.Rtcp;

namespace VoiceConnector.Edge.Tests.Rtp.Rtcp;

public sealed class RtcpPacketTests
{
    private static readonly byte[] Cname = "edge@127.0.0.1:20000"u8.ToArray();

    [Fact]
    public void WriteReport_SenderReportWithBlockAndBye_ParsesBack()
    {
        var block = new RtcpReportBlock(0x11223344, 25, -3, 0x0001_0010, 77, 0xAABBCCDD, 0x10000);
        var packet = new byte[256];
        var length = RtcpPacket.WriteReport(packet, 0xCAFE, (0xE000_0000_8000_0000UL, 123456, 50, 8000), block, Cname);
        length += RtcpPacket.WriteBye(packet.AsSpan(length), 0xCAFE);

        Assert.Equal(0, length % 4);
        Assert.True(RtcpPacket.TryParse(packet.AsSpan(0, length), out var report));
        Assert.Equal(new RtcpReport(0xCAFE, true, 0xE000_0000_8000_0000UL, 123456, 50, 8000, block, true), report);
    }

    [Fact]
    public void WriteReport_ReceiverReportWithoutBlock_ParsesBack()
    {
        var packet = new byte[256];
        var length = RtcpPacket.WriteReport(packet, 7, null, null, Cname);

        Assert.Equal(201, packet[1]);
        Assert.True(RtcpPacket.TryParse(packet.AsSpan(0, length), out var report));
        Assert.Equal(new RtcpReport(7, false, 0, 0, 0, 0, null, false), report);
    }

    [Fact]
    public void TryParse_TruncatedOrWrongVersionOrLeadingSdes_ReturnsFalse()
    {
        var packet = new byte[256];
        var length = RtcpPacket.WriteReport(packet, 7, (1, 2, 3, 4), null, Cname);

        Assert.False(RtcpPacket.TryParse(packet.AsSpan(0, length - 1), out _));
        Assert.False(RtcpPacket.TryParse(packet.AsSpan(0, 3), out _));
        var sdesFirst = packet.AsSpan(28, length - 28).ToArray();
        Assert.False(RtcpPacket.TryParse(sdesFirst, out _));
        packet[0] = 0x40;
        Assert.False(RtcpPacket.TryParse(packet.AsSpan(0, length), out _));
    }

    [Fact]
    public void TryParse_RandomBytes_NeverThrows()
    {
        var random = new Random(9);
        var datagram = new byte[64];
        for (var i = 0; i < 10_000; i++)
        {
            random.NextBytes(datagram);
            datagram[0] = (byte)(0x80 | (datagram[0] & 0x3F));
            _ = RtcpPacket.TryParse(datagram.AsSpan(0, random.Next(65)), out _);
        }
    }

    [Fact]
    public void TakeReportBlock_OneLostPacketAcrossWrap_ReportsLossAndExtendedSequence()
    {
        var statistics = new RtpReceiveStatistics();
        ushort[] sequences = [65533, 65534, 0, 1, 2];
        for (var i = 0; i < sequences.Length; i++)
        {
            statistics.Update(99, sequences[i], (uint)(i * 160), i * 160);
        }

        var block = statistics.TakeReportBlock(0, 0)!.Value;
        Assert.Equal(99u, block.Ssrc);
        Assert.Equal(1, block.CumulativeLost);
        Assert.Equal(0x0001_0002u, block.ExtendedHighestSequence);
        Assert.Equal(256 / 6, block.FractionLost);
        Assert.Equal(0u, block.Jitter);
    }
}

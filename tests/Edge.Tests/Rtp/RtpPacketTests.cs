using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Tests.Rtp;

public sealed class RtpPacketTests
{
    [Fact]
    public void TryParse_SippG711aCapture_EveryPacketIsPcmaInOrder()
    {
        var datagrams = PcapFile.UdpPayloads("g711a.pcap");

        Assert.Equal(236, datagrams.Count);
        RtpPacket? previous = null;
        foreach (var datagram in datagrams)
        {
            Assert.True(RtpPacket.TryParse(datagram, out var packet));
            Assert.Equal(8, packet.PayloadType);
            Assert.Equal(240, packet.PayloadLength);
            Assert.Equal(0xdee0ee8fu, packet.Ssrc);
            if (previous is { } p)
            {
                Assert.Equal((ushort)(p.SequenceNumber + 1), packet.SequenceNumber);
                Assert.Equal(p.Timestamp + 240, packet.Timestamp);
            }

            previous = packet;
        }

        Assert.True(RtpPacket.TryParse(datagrams[0], out var first) && first.Marker);
    }

    [Fact]
    public void TryParse_CsrcExtensionAndPadding_FindsPayload()
    {
        byte[] datagram =
        [
            0xB2, 0x80 | 9, 0x12, 0x34, 0, 0, 0x10, 0, 0xCA, 0xFE, 0xBA, 0xBE,
            0, 0, 0, 1, 0, 0, 0, 2, // two CSRCs
            0xBE, 0xDE, 0, 1, 0x10, 0xAA, 0, 0, // one-word header extension
            1, 2, 3, // payload
            0, 0, 3, // three bytes of padding
        ];

        Assert.True(RtpPacket.TryParse(datagram, out var packet));
        Assert.True(packet.Marker);
        Assert.Equal(9, packet.PayloadType);
        Assert.Equal(0x1234, packet.SequenceNumber);
        Assert.Equal(0x1000u, packet.Timestamp);
        Assert.Equal(0xCAFEBABEu, packet.Ssrc);
        Assert.Equal([1, 2, 3], datagram.AsSpan(packet.PayloadOffset, packet.PayloadLength).ToArray());
    }

    [Fact]
    public void WriteHeader_ThenParse_RoundTrips()
    {
        var datagram = new byte[12 + 160];
        RtpPacket.WriteHeader(datagram, true, 0, 65535, 0xFFFFFFF0, 42);

        Assert.True(RtpPacket.TryParse(datagram, out var packet));
        Assert.Equal(new RtpPacket(true, 0, 65535, 0xFFFFFFF0, 42, 12, 160), packet);
    }

    public static TheoryData<string, byte[]> Malformed => new()
    {
        { "empty", [] },
        { "short header", [0x80, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0] },
        { "version 0", [0x00, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xFF] },
        { "version 1", [0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xFF] },
        { "version 3", [0xC0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xFF] },
        { "CSRC count past end", [0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFF] },
        { "extension header cut", [0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE] },
        { "extension length past end", [0x90, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0xBE, 0xDE, 0xFF, 0xFF, 0, 0, 0, 0] },
        { "padding zero", [0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5, 0] },
        { "padding past payload", [0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 5, 200] },
        { "padding into header", [0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 2] },
        { "RTCP sender report", [0x80, 200, 0, 6, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryParse_Malformed_ReturnsFalse(string what, byte[] datagram) =>
        Assert.False(RtpPacket.TryParse(datagram, out _), what);

    [Fact]
    public void TryParse_RandomMutations_NeverThrowsAndPayloadStaysInside()
    {
        var random = new Random(1234);
        var valid = new byte[12 + 160];
        RtpPacket.WriteHeader(valid, false, 0, 1, 2, 3);
        for (var i = 0; i < 20_000; i++)
        {
            var datagram = valid.AsSpan(0, random.Next(0, valid.Length + 1)).ToArray();
            for (var flips = random.Next(1, 4); flips > 0 && datagram.Length > 0; flips--)
            {
                datagram[random.Next(Math.Min(datagram.Length, 24))] = (byte)random.Next(256);
                datagram[random.Next(datagram.Length)] ^= (byte)(1 << random.Next(8));
            }

            if (RtpPacket.TryParse(datagram, out var packet))
            {
                Assert.InRange(packet.PayloadOffset, 12, datagram.Length);
                Assert.InRange(packet.PayloadOffset + packet.PayloadLength, packet.PayloadOffset, datagram.Length);
            }
        }
    }
}

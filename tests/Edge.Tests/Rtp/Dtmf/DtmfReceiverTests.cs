using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Rtp;
using VoiceConnector.Edge.Rtp.Dtmf;

namespace VoiceConnector.Edge.Tests.Rtp.Dtmf;

public sealed class DtmfReceiverTests
{
    private readonly List<DtmfDigit> digits = [];

    [Theory]
    [InlineData("dtmf_2833_0.pcap", '0')]
    [InlineData("dtmf_2833_1.pcap", '1')]
    [InlineData("dtmf_2833_5.pcap", '5')]
    [InlineData("dtmf_2833_9.pcap", '9')]
    [InlineData("dtmf_2833_star.pcap", '*')]
    [InlineData("dtmf_2833_pound.pcap", '#')]
    public void OnPacket_SippCapture_ReportsTheKeyExactlyOnce(string file, char expected)
    {
        var receiver = new DtmfReceiver(8000);
        long now = 0;
        foreach (var datagram in PcapFile.UdpPayloads(file))
        {
            Assert.True(RtpPacket.TryParse(datagram, out var packet));
            Assert.Equal(101, packet.PayloadType);
            receiver.OnPacket(datagram.AsSpan(packet.PayloadOffset, packet.PayloadLength), packet.Timestamp, now += 20, digits.Add);
        }

        Assert.Null(receiver.OnTimer(now + 10_000));
        var digit = Assert.Single(digits);
        Assert.Equal(expected, digit.Digit);
        Assert.Equal(2240 * 1000 / 8000, digit.DurationMs);
    }

    [Fact]
    public void OnTimer_AllEndPacketsLost_ReportsOnceAfterTimeout()
    {
        var receiver = new DtmfReceiver(8000);
        receiver.OnPacket(Event(5, false, 160), 1000, 0, digits.Add);
        receiver.OnPacket(Event(5, false, 320), 1000, 20, digits.Add);

        Assert.Null(receiver.OnTimer(100));
        Assert.Equal('5', receiver.OnTimer(20 + DtmfReceiver.TimeoutMs)?.Digit);
        Assert.Null(receiver.OnTimer(5000));

        // A late end packet of the same event is a duplicate.
        receiver.OnPacket(Event(5, true, 480), 1000, 5000, digits.Add);
        Assert.Empty(digits);
    }

    [Fact]
    public void OnPacket_NextEventStartsBeforePreviousEnded_ReportsBothInOrder()
    {
        var receiver = new DtmfReceiver(8000);
        receiver.OnPacket(Event(1, false, 160), 1000, 0, digits.Add);
        receiver.OnPacket(Event(2, false, 160), 3000, 20, digits.Add);
        receiver.OnPacket(Event(2, true, 800), 3000, 40, digits.Add);
        receiver.OnPacket(Event(2, true, 800), 3000, 60, digits.Add);

        Assert.Equal("12", new string(digits.Select(d => d.Digit).ToArray()));
    }

    [Fact]
    public void OnPacket_SameKeyTwiceWithNewTimestamp_ReportsTwice()
    {
        var receiver = new DtmfReceiver(8000);
        foreach (var timestamp in new uint[] { 1000, 4000 })
        {
            for (var repeat = 0; repeat < 3; repeat++)
            {
                receiver.OnPacket(Event(7, true, 800), timestamp, 0, digits.Add);
            }
        }

        Assert.Equal("77", new string(digits.Select(d => d.Digit).ToArray()));
    }

    [Theory]
    [InlineData(new byte[] { 1, 0x80 })]
    [InlineData(new byte[] { 16, 0x80, 0, 160 })]
    [InlineData(new byte[] { 200, 0x80, 0, 160 })]
    public void OnPacket_ShortOrNonDigitEvent_Ignored(byte[] payload)
    {
        var receiver = new DtmfReceiver(8000);
        receiver.OnPacket(payload, 1, 0, digits.Add);
        Assert.Empty(digits);
        Assert.Null(receiver.OnTimer(10_000));
    }

    private static byte[] Event(byte code, bool end, ushort duration)
    {
        var payload = new byte[4];
        new TelephoneEvent(code, end, 10, duration).Write(payload);
        return payload;
    }
}

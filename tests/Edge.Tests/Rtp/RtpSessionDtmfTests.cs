using System.Buffers.Binary;
using VoiceConnector.Edge.Rtp;
using VoiceConnector.Edge.Rtp.Dtmf;

namespace VoiceConnector.Edge.Tests.Rtp;

public sealed class RtpSessionDtmfTests : IDisposable
{
    private readonly RtpTestHost host = new();
    private readonly RtpPeer peer = new();

    [Fact]
    public async Task CallerDtmf_SippCapturesReplayed_EachKeyOnce()
    {
        await using var session = host.Create();
        session.Start(new RtpSessionParameters(RtpCodec.Pcmu, 101, peer.EndPoint));
        var files = new[] { "dtmf_2833_1.pcap", "dtmf_2833_star.pcap", "dtmf_2833_1.pcap", "dtmf_2833_pound.pcap" };
        for (var press = 0; press < files.Length; press++)
        {
            foreach (var datagram in PcapFile.UdpPayloads(files[press]))
            {
                // Each key press starts at a new RTP timestamp (as a real sender's would): shift the capture's.
                var timestamp = BinaryPrimitives.ReadUInt32BigEndian(datagram.AsSpan(4)) + (uint)(press * 10_000);
                BinaryPrimitives.WriteUInt32BigEndian(datagram.AsSpan(4), timestamp);
                peer.Send(datagram, session.LocalEndPoint);
                await Task.Delay(5);
            }
        }

        var received = new List<char>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (received.Count < 4)
        {
            received.Add((await session.CallerDtmf.ReadAsync(cts.Token)).Digit);
        }

        Assert.Equal("1*1#", new string([.. received]));
        await Task.Delay(DtmfReceiver.TimeoutMs + 100);
        Assert.False(session.CallerDtmf.TryRead(out _));
    }

    [Fact]
    public async Task SendDtmfAsync_Digit_PeerReceivesRfc4733EventThenAudioResumes()
    {
        await using var session = host.Create();
        session.Start(new RtpSessionParameters(RtpCodec.Pcmu, 101, peer.EndPoint));
        var sending = session.SendDtmfAsync('7', CancellationToken.None);

        var events = new List<(RtpPacket Packet, TelephoneEvent Event)>();
        var audioAfter = false;
        while (!audioAfter && await peer.ReceiveAsync(TimeSpan.FromSeconds(5)) is { } received)
        {
            Assert.True(RtpPacket.TryParse(received.Data, out var packet));
            if (packet.PayloadType == 101)
            {
                Assert.True(TelephoneEvent.TryParse(received.Data.AsSpan(packet.PayloadOffset), out var value));
                events.Add((packet, value));
            }
            else
            {
                audioAfter = events.Count > 0;
            }
        }

        await sending;
        Assert.Equal(DtmfSender.TonePackets + 2, events.Count);
        Assert.True(events[0].Packet.Marker);
        Assert.All(events, e => Assert.Equal(7, e.Event.Event));
        Assert.All(events, e => Assert.Equal(events[0].Packet.Timestamp, e.Packet.Timestamp));
        Assert.Equal(3, events.Count(e => e.Event.End));
        for (var i = 1; i < events.Count; i++)
        {
            Assert.Equal((ushort)(events[i - 1].Packet.SequenceNumber + 1), events[i].Packet.SequenceNumber);
        }
    }

    [Fact]
    public async Task SendDtmfAsync_NoTelephoneEventNegotiated_Throws()
    {
        await using var session = host.Create();
        session.Start(new RtpSessionParameters(RtpCodec.Pcmu, null, peer.EndPoint));
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.SendDtmfAsync('1', CancellationToken.None).AsTask());
    }

    public void Dispose()
    {
        peer.Dispose();
        host.Dispose();
    }
}

using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Media.Codecs;
using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Tests.Rtp;

/// <summary>Garbage and malformed datagrams mixed into a live call: counted, dropped, and the caller's audio goes on.</summary>
public sealed class RtpSessionHostileInputTests : IDisposable
{
    private readonly RtpTestHost host = new();
    private readonly RtpPeer peer = new();

    [Fact]
    public async Task OnDatagram_MalformedPacketsBetweenAudio_CountedAndAudioContinues()
    {
        using var recorder = new MetricRecorder(host.MeterFactory);
        await using var session = host.Create();
        session.Start(new RtpSessionParameters(RtpCodec.Pcmu, 101, peer.EndPoint));
        byte[][] hostile =
        [
            [],
            [0x80],
            new byte[1400],
            RtpPeer.Packet(0, 1, 1, peer.Ssrc, new byte[160]).Select((b, i) => i == 0 ? (byte)0x40 : b).ToArray(),
            RtpPeer.Packet(0, 1, 1, peer.Ssrc, new byte[160]).Select((b, i) => i == 0 ? (byte)0xA0 : i == 171 ? (byte)250 : b).ToArray(),
            RtpPeer.Packet(0, 1, 1, peer.Ssrc, new byte[2]).Select((b, i) => i == 0 ? (byte)0x90 : b).ToArray(),
            RtpPeer.Packet(0, 1, 1, peer.Ssrc, [0xBE, 0xDE, 0x7F, 0xFF, 1, 2]).Select((b, i) => i == 0 ? (byte)0x90 : b).ToArray(),
            RtpPeer.Packet(0, 1, 1, peer.Ssrc, new byte[4]).Select((b, i) => i == 0 ? (byte)0x8F : b).ToArray(),
            RtpPeer.Packet(77, 1, 1, peer.Ssrc, new byte[160]),
        ];

        var frames = await RtpSessionTests.CollectFramesAsync(session, SendMixedAsync(session, hostile));
        Assert.InRange(RtpSessionTests.BestToneAmplitude(frames, 1000), 7200, 8800);
        frames.ForEach(f => f.Dispose());
        await RtpSessionTests.WaitUntilAsync(() => recorder.Total("voiceconnector.rtp.packets_in") >= 40);

        // Every hostile datagram and most random ones are invalid; random ones that happen to parse as version-2
        // RTP carry a foreign payload type or SSRC, and none of them broke the stream.
        Assert.True(recorder.Total("voiceconnector.rtp.packets_invalid") >= 40, $"invalid {recorder.Total("voiceconnector.rtp.packets_invalid")}");
        Assert.False(session.Ended.IsCancellationRequested);
    }

    [Fact]
    public async Task OnDatagram_FloodFromThirdAddressBeforeCaller_DoesNotStealTheCall()
    {
        using var recorder = new MetricRecorder(host.MeterFactory);
        using var intruder = new RtpPeer();
        await using var session = host.Create();
        session.Start(new RtpSessionParameters(RtpCodec.Pcmu, 101, peer.EndPoint));

        // The caller's first packet latches; the intruder's packets, valid RTP with the right payload type, are refused.
        peer.SendAudio(0, new byte[160], session.LocalEndPoint);
        await RtpSessionTests.WaitUntilAsync(() => session.LatchedRemoteEndPoint is not null);
        for (var i = 0; i < 50; i++)
        {
            intruder.SendAudio(0, new byte[160], session.LocalEndPoint);
        }

        await RtpSessionTests.WaitUntilAsync(() => recorder.Total("voiceconnector.rtp.packets_third_party") >= 50);
        Assert.Equal(peer.EndPoint, session.LatchedRemoteEndPoint);
        Assert.Equal(1, recorder.Total("voiceconnector.rtp.packets_in"));
    }

    private async Task SendMixedAsync(RtpSession session, byte[][] hostile)
    {
        var random = new Random(11);
        var payload = new byte[160];
        var tone = ToneGenerator.Sine(1000, 8000, 8000);
        for (var i = 0; i < 40; i++)
        {
            MuLaw.Encode(tone.AsSpan(i * 160 % 7840, 160), payload);
            peer.SendAudio(0, payload, session.LocalEndPoint);
            peer.Send(hostile[i % hostile.Length], session.LocalEndPoint);
            var noise = new byte[random.Next(1, 300)];
            random.NextBytes(noise);
            peer.Send(noise, session.LocalEndPoint);
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        peer.Dispose();
        host.Dispose();
    }
}

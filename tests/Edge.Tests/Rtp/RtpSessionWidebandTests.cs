using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Media.Codecs;
using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Tests.Rtp;

/// <summary>G.722 end to end over UDP: 16 kHz audio both ways, RTP clock 8000 (RFC 3551).</summary>
public sealed class RtpSessionWidebandTests : IDisposable
{
    private readonly RtpTestHost host = new();
    private readonly RtpPeer peer = new();

    [Fact]
    public async Task CallerAudio_G722ToneAbove4kHz_ArrivesWideband()
    {
        await using var session = host.Create();
        session.Start(new RtpSessionParameters(RtpCodec.G722, 101, peer.EndPoint));
        var frames = await RtpSessionTests.CollectFramesAsync(session, SendToneAsync(session));

        // A 5 kHz tone cannot pass a narrowband path; through G.722 it keeps most of its level.
        Assert.InRange(RtpSessionTests.BestToneAmplitude(frames, 5000), 6000, 9000);
        frames.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task PlayAsync_G722_PacketsDecodeToTheToneWithClock8000()
    {
        await using var session = host.Create();
        session.Start(new RtpSessionParameters(RtpCodec.G722, null, peer.EndPoint));
        await session.PlayAsync(ToneGenerator.Sine(6000, 16000, 16000), CancellationToken.None);

        var decoder = new G722Decoder();
        var pcm = new short[320];
        uint? previous = null;
        double amplitude = 0;
        for (var i = 0; i < 25; i++)
        {
            var packet = (await peer.ReceiveAsync(TimeSpan.FromSeconds(5)))!.Value.Data;
            Assert.Equal(9, packet[1] & 0x7F);
            Assert.Equal(12 + 160, packet.Length);
            var timestamp = RtpPeer.TimestampOf(packet);
            Assert.True(previous is null || timestamp == previous + 160);
            previous = timestamp;
            decoder.Decode(packet.AsSpan(12), pcm);
            amplitude = ToneGenerator.ToneAmplitude(pcm, 6000, 16000);
        }

        Assert.InRange(amplitude, 6000, 9000);
    }

    private async Task SendToneAsync(RtpSession session)
    {
        var encoder = new G722Encoder();
        var tone = ToneGenerator.Sine(5000, 16000, 16000);
        var payload = new byte[160];
        for (var i = 0; i < 30; i++)
        {
            encoder.Encode(tone.AsSpan(i * 320, 320), payload);
            peer.SendAudio(9, payload, session.LocalEndPoint);
            await Task.Delay(20);
        }
    }

    public void Dispose()
    {
        peer.Dispose();
        host.Dispose();
    }
}

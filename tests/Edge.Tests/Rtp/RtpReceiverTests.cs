using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Media.Codecs;
using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Tests.Rtp;

/// <summary>The receive path driven with synthetic arrival and tick times: deterministic playout, loss and source changes.</summary>
public sealed class RtpReceiverTests : IDisposable
{
    private static readonly long PacketTicks = Stopwatch.Frequency / 50;
    private static readonly IPEndPoint Caller = new(IPAddress.Loopback, 40000);
    private readonly RtpTestHost host = new();
    private readonly Channel<AudioFrame> frames = Channel.CreateUnbounded<AudioFrame>();
    private readonly RtpReceiver receiver;
    private readonly byte[] payload = new byte[160];

    public RtpReceiverTests()
    {
        var parameters = new RtpSessionParameters(RtpCodec.Pcmu, 101, Caller);
        receiver = new RtpReceiver(parameters, new SymmetricRtpLatch(Caller), host.Metrics, frames.Writer, Channel.CreateUnbounded<DtmfDigit>().Writer);
        MuLaw.Encode(ToneGenerator.Sine(1000, 8000, 160), payload);
    }

    [Fact]
    public void OnDatagram_PacketsEvery20Ms_OneFramePerPacketAfterPriming()
    {
        for (var i = 0; i < 20; i++)
        {
            Arrive(0xA, (ushort)i, i);
        }

        // The first packet waits for the target depth (2 packets); then each tick makes one frame due.
        Assert.Equal(19, Drain().Count);
    }

    [Fact]
    public void OnDatagram_StrayPacketWithOtherSsrc_DoesNotRestartTheStream()
    {
        for (var i = 0; i < 20; i++)
        {
            Arrive(0xA, (ushort)i, i);
            if (i == 10)
            {
                Arrive(0xB, 5000, i);
            }
        }

        var played = Drain();
        Assert.Equal(19, played.Count);
        Assert.All(played.Skip(2), f => Assert.True(ToneGenerator.Rms(f.Samples) > 3000));
    }

    [Fact]
    public void OnDatagram_NewSourceTwoPacketsInSequence_SwitchesToIt()
    {
        for (var i = 0; i < 10; i++)
        {
            Arrive(0xA, (ushort)i, i);
        }

        for (var i = 10; i < 20; i++)
        {
            Arrive(0xB, (ushort)(7000 + i), i);
        }

        // The switch costs the first new packet (probation) and a re-prime of the jitter buffer, then audio flows.
        var played = Drain();
        Assert.InRange(played.Count, 15, 18);
        Assert.True(ToneGenerator.Rms(played[^1].Samples) > 3000);
    }

    [Fact]
    public void OnTick_ArrivalsStop_ConcealsThenSilenceAtFrameRate()
    {
        for (var i = 0; i < 5; i++)
        {
            Arrive(0xA, (ushort)i, i);
        }

        Drain();
        for (var tick = 5; tick < 20; tick++)
        {
            receiver.OnTick(1 + (tick * PacketTicks));
        }

        var concealed = Drain();
        Assert.InRange(concealed.Count, 10, 15);
        Assert.True(ToneGenerator.Rms(concealed[0].Samples) > 1000);
        Assert.True(ToneGenerator.Rms(concealed[^1].Samples) < 1);
    }

    public void Dispose() => host.Dispose();

    /// <summary>A packet read on the tick of its slot, then that tick's playout, as the session does it.</summary>
    private void Arrive(uint ssrc, ushort sequence, int slot)
    {
        var arrival = 1 + (slot * PacketTicks);
        receiver.OnDatagram(RtpPeer.Packet(0, sequence, (uint)(sequence * 160), ssrc, payload), Caller.Serialize(), arrival);
        receiver.OnTick(arrival);
    }

    private List<AudioFrame> Drain()
    {
        var list = new List<AudioFrame>();
        while (frames.Reader.TryRead(out var frame))
        {
            list.Add(frame);
        }

        return list;
    }
}

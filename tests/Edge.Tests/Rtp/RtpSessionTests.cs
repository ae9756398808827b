using System.Net;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Media.Codecs;
using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Tests.Rtp;

public sealed class RtpSessionTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly RtpTestHost host = new();
    private readonly RtpPeer peer = new();

    [Fact]
    public async Task CallerAudio_PcmuToneFromPeer_FramesCarryToneInOrder()
    {
        await using var session = host.Create();
        session.Start(new RtpSessionParameters(RtpCodec.Pcmu, 101, peer.EndPoint));
        var tone = ToneGenerator.Sine(1000, 8000, 8000);
        var frames = await CollectFramesAsync(session, SendPacketsAsync(tone, RtpCodec.Pcmu, session.LocalEndPoint, 40));

        for (var i = 1; i < frames.Count; i++)
        {
            Assert.Equal(frames[i - 1].Timestamp + AudioFrame.SampleCount, frames[i].Timestamp);
        }

        // The 1 kHz tone keeps its amplitude through mu-law and 8 -> 16 kHz. (The best frame: on a loaded machine the
        // sender's 20 ms delays stretch, and frames concealed during the resulting underruns are quieter.)
        var amplitude = BestToneAmplitude(frames, 1000);
        Assert.InRange(amplitude, 7200, 8800);
        frames.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task CallerAudio_CallerStopsSending_FramesGoOnConcealedThenSilent()
    {
        await using var session = host.Create();
        session.Start(new RtpSessionParameters(RtpCodec.Pcmu, 101, peer.EndPoint));
        var sending = SendPacketsAsync(ToneGenerator.Sine(1000, 8000, 8000), RtpCodec.Pcmu, session.LocalEndPoint, 10);

        // Ten packets (200 ms) sent, then nothing: the clock keeps the 20 ms frames coming (loss concealment fading
        // to silence), so a consumer's VAD sees the caller go quiet.
        var frames = await CollectFramesAsync(session, sending, framesAfter: 20);
        Assert.Contains(frames, f => ToneGenerator.Rms(f.Samples) > 1000);
        Assert.All(frames.TakeLast(10), f => Assert.True(ToneGenerator.Rms(f.Samples) < 1));
        for (var i = 1; i < frames.Count; i++)
        {
            Assert.Equal(frames[i - 1].Timestamp + AudioFrame.SampleCount, frames[i].Timestamp);
        }

        frames.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task PlayAsync_ToneAt16k_SendsPacedPcmuWithConsecutiveSequenceAndTimestamps()
    {
        await using var session = host.Create();
        session.Start(new RtpSessionParameters(RtpCodec.Pcmu, 101, peer.EndPoint));
        await session.PlayAsync(ToneGenerator.Sine(1000, 16000, 16000), CancellationToken.None);
        Assert.Equal(16000, session.PlayoutQueuedPosition);

        var packets = new List<(byte[] Data, long Arrival)>();
        while (packets.Count < 30 && await peer.ReceiveAsync(Timeout) is { } received)
        {
            packets.Add(received);
        }

        Assert.Equal(30, packets.Count);
        for (var i = 1; i < packets.Count; i++)
        {
            Assert.Equal((ushort)(RtpPeer.SequenceOf(packets[i - 1].Data) + 1), RtpPeer.SequenceOf(packets[i].Data));
            Assert.Equal(RtpPeer.TimestampOf(packets[i - 1].Data) + 160, RtpPeer.TimestampOf(packets[i].Data));
            Assert.Equal(0, packets[i].Data[1] & 0x7F);
            Assert.Equal(12 + 160, packets[i].Data.Length);
        }

        Assert.Equal(0x80, packets[0].Data[1] & 0x80);
        // Paced, not bursted: the median spacing is the packet time (the median ignores scheduling stalls on a busy machine).
        var spacings = packets.Zip(packets.Skip(1), (a, b) => (b.Arrival - a.Arrival) * 1000.0 / System.Diagnostics.Stopwatch.Frequency).Order().ToList();
        Assert.InRange(spacings[spacings.Count / 2], 10, 30);

        var decoded = new short[160];
        MuLaw.Decode(packets[10].Data.AsSpan(12), decoded);
        Assert.InRange(ToneGenerator.ToneAmplitude(decoded, 1000, 8000), 7200, 8800);

        // The position advances just after each send, so it may trail the packet the peer already holds.
        var deadline = DateTime.UtcNow + Timeout;
        while (session.PlayoutPlayedPosition < 30 * 320 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(5);
        }

        Assert.True(session.PlayoutPlayedPosition >= 30 * 320);
    }

    [Fact]
    public async Task ClearPlayout_WhilePlaying_DropsQueueAndSendsSilence()
    {
        await using var session = host.Create();
        session.Start(new RtpSessionParameters(RtpCodec.Pcma, null, peer.EndPoint));
        await session.PlayAsync(ToneGenerator.Sine(500, 16000, 16000), CancellationToken.None);
        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull(await peer.ReceiveAsync(Timeout));
        }

        var played = session.ClearPlayout();
        Assert.Equal(played, session.PlayoutQueuedPosition);
        // Some of the second was sent (the first packets may be the silence sent before PlayAsync queued), not all.
        Assert.InRange(played, 320, 16000 - 320);

        // Drain what was in flight, then every packet is A-law silence (about 0xD5 after the resampler tail).
        for (var i = 0; i < 5; i++)
        {
            await peer.ReceiveAsync(Timeout);
        }

        var packet = (await peer.ReceiveAsync(Timeout))!.Value.Data;
        Assert.All(packet.AsSpan(12).ToArray(), b => Assert.InRange(ALaw.Decode(b), -64, 64));
        Assert.Equal(played, session.PlayoutPlayedPosition);
    }

    [Fact]
    public async Task Start_CallerBehindNat_LatchesToActualSourceAndIgnoresThirdParty()
    {
        using var nat = new RtpPeer();
        using var intruder = new RtpPeer();
        using var recorder = new MetricRecorder(host.MeterFactory);
        await using var session = host.Create();

        // The SDP said "peer", but the caller's packets come from "nat".
        session.Start(new RtpSessionParameters(RtpCodec.Pcmu, 101, peer.EndPoint));
        var payload = new byte[160];
        MuLaw.Encode(ToneGenerator.Sine(1000, 8000, 160), payload);
        nat.SendAudio(0, payload, session.LocalEndPoint);
        var toNat = await nat.ReceiveAsync(Timeout);
        Assert.NotNull(toNat);
        Assert.Equal(nat.EndPoint, session.LatchedRemoteEndPoint);

        intruder.Sequence = 1001;
        intruder.SendAudio(0, new byte[160], session.LocalEndPoint);
        nat.SendAudio(0, payload, session.LocalEndPoint);
        await WaitUntilAsync(() => recorder.Total("voiceconnector.rtp.packets_third_party") >= 1);
        Assert.Equal(nat.EndPoint, session.LatchedRemoteEndPoint);
        Assert.NotNull(await nat.ReceiveAsync(Timeout));
        Assert.Null(await intruder.ReceiveAsync(TimeSpan.FromMilliseconds(100)));
    }

    [Fact]
    public async Task Update_OnHold_StopsSendingAndResumes()
    {
        await using var session = host.Create();
        var parameters = new RtpSessionParameters(RtpCodec.G722, 101, peer.EndPoint);
        session.Start(parameters);
        Assert.NotNull(await peer.ReceiveAsync(Timeout));

        session.Update(parameters with { Sending = false });
        while (await peer.ReceiveAsync(TimeSpan.FromMilliseconds(100)) is not null)
        {
        }

        Assert.Null(await peer.ReceiveAsync(TimeSpan.FromMilliseconds(200)));
        session.Update(parameters);
        var resumed = await peer.ReceiveAsync(Timeout);
        Assert.NotNull(resumed);
        Assert.Equal(9, resumed.Value.Data[1] & 0x7F);
        Assert.Equal(12 + 160, resumed.Value.Data.Length);
    }

    [Fact]
    public async Task Start_LegacyHoldAddress_SendsNothingUntilCallerPacketsArrive()
    {
        await using var session = host.Create();
        session.Start(new RtpSessionParameters(RtpCodec.Pcmu, 101, new IPEndPoint(IPAddress.Any, peer.EndPoint.Port)));
        Assert.Null(await peer.ReceiveAsync(TimeSpan.FromMilliseconds(200)));

        peer.SendAudio(0, new byte[160], session.LocalEndPoint);
        Assert.NotNull(await peer.ReceiveAsync(Timeout));
    }

    [Fact]
    public async Task End_Called_CompletesChannelsAndCancelsEnded()
    {
        var control = new RecordingCallControl();
        await using var session = host.Create(control);
        session.Start(new RtpSessionParameters(RtpCodec.Pcmu, 101, peer.EndPoint));
        await session.HangUpAsync("agent-hangup", CancellationToken.None);

        Assert.True(session.Ended.IsCancellationRequested);
        Assert.Equal("agent-hangup", session.EndReason);
        Assert.Equal(["agent-hangup"], control.HangUps);
        Assert.False(await session.CallerAudio.WaitToReadAsync());
        session.End("caller-bye");
        Assert.Equal("agent-hangup", session.EndReason);
    }

    public void Dispose()
    {
        peer.Dispose();
        host.Dispose();
    }

    internal static double BestToneAmplitude(List<AudioFrame> frames, double frequency) =>
        frames.Skip(3).Max(f => ToneGenerator.ToneAmplitude(f.Samples, frequency, AudioFrame.SampleRate));

    internal static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 250 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }

    private async Task SendPacketsAsync(short[] pcm8k, RtpCodec codec, IPEndPoint to, int count)
    {
        var payload = new byte[160];
        for (var i = 0; i < count; i++)
        {
            var chunk = pcm8k.AsSpan(i * 160 % (pcm8k.Length - 160), 160);
            if (codec == RtpCodec.Pcma)
            {
                ALaw.Encode(chunk, payload);
            }
            else
            {
                MuLaw.Encode(chunk, payload);
            }

            peer.SendAudio((byte)codec.PayloadType, payload, to);
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Reads caller frames while <paramref name="sending"/> runs and <paramref name="framesAfter"/> more once it is
    /// done (a busy machine may stretch the sender's delays; the reader keeps up, so nothing is dropped).
    /// </summary>
    internal static async Task<List<AudioFrame>> CollectFramesAsync(RtpSession session, Task sending, int framesAfter = 10)
    {
        var frames = new List<AudioFrame>();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        for (var after = 0; after < framesAfter;)
        {
            frames.Add(await session.CallerAudio.ReadAsync(cts.Token));
            after += sending.IsCompleted ? 1 : 0;
        }

        await sending;
        return frames;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using VoiceConnector.Edge.Media.Codecs;
using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Tests.Rtp;
using VoiceConnector.Edge.Tests.Sip.Dialogs;
using VoiceConnector.Edge.Tests.Sip.Support;

namespace VoiceConnector.Edge.Tests.Conversation.EndToEnd;

/// <summary>
/// A caller on a real SIP/RTP leg to the edge (UDP on 127.0.0.1): INVITE offering G.722, then 20 ms G.722 packets
/// both ways. Speech queued with <see cref="Say"/> is sent in real time (silence otherwise); everything the edge sends
/// is decoded to 16 kHz with the arrival time of each 20 ms packet.
/// </summary>
internal sealed class SipCaller : IAsyncDisposable
{
    private const byte G722 = 9;
    private readonly SipTestClient sip;
    private readonly RtpPeer rtp = new();
    private readonly ConcurrentQueue<short[]> outgoing = new();
    private readonly List<(long Arrival, short[] Pcm)> received = [];
    private readonly CancellationTokenSource stop = new();
    private readonly string callId = Guid.NewGuid().ToString("N");
    private SipResponse? ok;
    private IPEndPoint? edgeRtp;
    private Task? sending;
    private Task? receiving;

    private SipCaller(int edgePort) => sip = new SipTestClient(edgePort);

    public static async Task<SipCaller> CallAsync(int edgePort)
    {
        var caller = new SipCaller(edgePort);
        var s = caller.sip;
        s.Send(s.Request("INVITE", caller.callId, "caller", body: SipTestClient.Offer(caller.rtp.EndPoint.Port, "9 0 101"), cseq: 1));
        caller.ok = await s.ReceiveFinalAsync(timeout: TimeSpan.FromSeconds(5)) ?? throw new TimeoutException("no answer to INVITE");
        Assert.Equal(200, caller.ok.StatusCode);
        s.Send(s.Request("ACK", caller.callId, "caller", caller.ok.To!.Tag, cseq: 1));
        var port = int.Parse(caller.ok.BodyText.Split("m=audio ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        Assert.Contains("RTP/AVP 9", caller.ok.BodyText, StringComparison.Ordinal);
        caller.edgeRtp = new IPEndPoint(IPAddress.Loopback, port);
        caller.sending = Task.Run(caller.SendAsync);
        caller.receiving = Task.Run(caller.ReceiveAsync);
        return caller;
    }

    /// <summary>Queues 16 kHz speech; returns the <see cref="Stopwatch"/> time its first packet will be due.</summary>
    public void Say(short[] pcm)
    {
        for (var offset = 0; offset < pcm.Length; offset += 320)
        {
            var frame = new short[320];
            pcm.AsSpan(offset, Math.Min(320, pcm.Length - offset)).CopyTo(frame);
            outgoing.Enqueue(frame);
        }
    }

    /// <summary><see cref="Stopwatch"/> timestamp when the first queued speech frame was sent (0 before).</summary>
    public long LastSpeechStartedAt { get; private set; }

    public bool Speaking => !outgoing.IsEmpty;

    /// <summary>Received audio since <paramref name="since"/> (a Stopwatch timestamp), 16 kHz.</summary>
    public short[] ReceivedSince(long since)
    {
        lock (received)
        {
            return [.. received.Where(r => r.Arrival >= since).SelectMany(r => r.Pcm)];
        }
    }

    /// <summary>Arrival time of the last received packet with speech energy, or 0.</summary>
    public long LastLoudArrival()
    {
        lock (received)
        {
            for (var i = received.Count - 1; i >= 0; i--)
            {
                if (IsLoud(received[i].Pcm))
                {
                    return received[i].Arrival;
                }
            }
        }

        return 0;
    }

    /// <summary>Waits until the edge has sent speech and then <paramref name="quietMs"/> of silence.</summary>
    public async Task WaitForAgentToFinishAsync(int quietMs, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var loud = LastLoudArrival();
            if (loud > start && Stopwatch.GetElapsedTime(loud).TotalMilliseconds >= quietMs)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("the agent did not speak and finish in time");
    }

    public static bool IsLoud(ReadOnlySpan<short> pcm)
    {
        long energy = 0;
        foreach (var s in pcm)
        {
            energy += s * s;
        }

        return Math.Sqrt(energy / (double)Math.Max(1, pcm.Length)) > 300;
    }

    public async Task HangUpAsync()
    {
        sip.Send(sip.Request("BYE", callId, "caller", ok!.To!.Tag, cseq: 2));
        Assert.Equal(200, (await SipUserAgentServerTests.ReceiveFor(sip, "BYE")).StatusCode);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(sending ?? Task.CompletedTask, receiving ?? Task.CompletedTask);
        rtp.Dispose();
        sip.Dispose();
        stop.Dispose();
    }

    private async Task SendAsync()
    {
        var encoder = new G722Encoder();
        var payload = new byte[160];
        var silence = new short[320];
        var speaking = false;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var frame = outgoing.TryDequeue(out var next) ? next : silence;
                if (next is not null && !speaking)
                {
                    LastSpeechStartedAt = Stopwatch.GetTimestamp();
                }

                speaking = next is not null;
                encoder.Encode(frame, payload);
                rtp.SendAudio(G722, payload, edgeRtp!);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task ReceiveAsync()
    {
        var decoder = new G722Decoder();
        while (!stop.IsCancellationRequested)
        {
            if (await rtp.ReceiveAsync(TimeSpan.FromMilliseconds(200)) is not { } packet || (packet.Data[1] & 0x7F) != G722)
            {
                continue;
            }

            var pcm = new short[(packet.Data.Length - 12) * 2];
            decoder.Decode(packet.Data.AsSpan(12), pcm);
            lock (received)
            {
                received.Add((packet.Arrival, pcm));
            }
        }
    }
}

using System.Globalization;
using System.Net;
using VoiceConnector.Edge.Media.Codecs;
using VoiceConnector.Edge.Sip.Dialogs;
using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Tests.Rtp;
using VoiceConnector.Edge.Tests.Sip.Dialogs;
using VoiceConnector.Edge.Tests.Sip.Support;

namespace VoiceConnector.Edge.Tests.Conversation.EndToEnd;

/// <summary>
/// A caller on a real SIP/RTP leg to the edge (UDP on 127.0.0.1): INVITE offering G.722, then 20 ms G.722 packets
/// both ways. Everything the edge sends is decoded to 16 kHz with the arrival time of each 20 ms packet (what arrives
/// is what the caller hears).
/// </summary>
internal sealed class SipCaller : ConversationCaller
{
    private const byte G722 = 9;
    private readonly SipTestClient sip;
    private readonly RtpPeer rtp = new();
    private readonly List<(long Arrival, short[] Pcm)> received = [];
    private readonly string callId = Guid.NewGuid().ToString("N");
    private readonly G722Encoder encoder = new();
    private readonly byte[] payload = new byte[160];
    private SipResponse? ok;
    private IPEndPoint? edgeRtp;
    private Task? receiving;

    private SipCaller(int edgePort) => sip = new SipTestClient(edgePort);

    public override string HangUpCause => "caller-bye";

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
        caller.StartSending();
        caller.receiving = Task.Run(caller.ReceiveAsync);
        return caller;
    }

    public override short[] ReceivedSince(long since)
    {
        lock (received)
        {
            return [.. received.Where(r => r.Arrival >= since).SelectMany(r => r.Pcm)];
        }
    }

    public override long LastLoudArrival()
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

    public override async Task HangUpAsync()
    {
        sip.Send(sip.Request("BYE", callId, "caller", ok!.To!.Tag, cseq: 2));
        Assert.Equal(200, (await SipUserAgentServerTests.ReceiveFor(sip, "BYE")).StatusCode);
    }

    public override async Task<string> WaitForEdgeHangUpAsync()
    {
        var bye = await sip.ReceiveRequestAsync("BYE");
        sip.Send(SipResponseFactory.Create(bye, 200, null).ToString());
        return bye.Headers["Reason"] ?? "";
    }

    protected override ValueTask SendFrameAsync(short[] frame)
    {
        encoder.Encode(frame, payload);
        rtp.SendAudio(G722, payload, edgeRtp!);
        return ValueTask.CompletedTask;
    }

    protected override async ValueTask DisposeTransportAsync()
    {
        await (receiving ?? Task.CompletedTask);
        rtp.Dispose();
        sip.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var decoder = new G722Decoder();
        while (!Stopping.IsCancellationRequested)
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

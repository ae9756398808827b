using System.Net;
using System.Text;
using VoiceConnector.Edge.Sip.Dialogs;
using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Sip.Transactions;
using VoiceConnector.Edge.Sip.Transport;
using VoiceConnector.Edge.Tests.Sip.Support;

namespace VoiceConnector.Edge.Tests.Sip.Transactions;

/// <summary>RFC 3261 §17 timer schedules, driven by a manual clock (no waiting).</summary>
public sealed class SipTransactionTimerTests
{
    private static readonly SipRemote Udp = new(SipProtocol.Udp, new IPEndPoint(IPAddress.Loopback, 5099));
    private static readonly SipRemote Tcp = new(SipProtocol.Tcp, new IPEndPoint(IPAddress.Loopback, 5099));

    private readonly ManualTimeProvider time = new();
    private readonly RecordingTransport transport;
    private readonly SipTransactionLayer layer;

    public SipTransactionTimerTests()
    {
        transport = new RecordingTransport(time);
        layer = new SipTransactionLayer(transport, time);
    }

    private static SipRequest Request(string method, string branch = "z9hG4bKtimer1")
    {
        var text = $"{method} sip:a@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5099;branch={branch}\r\nFrom: <sip:b@h>;tag=1\r\nTo: <sip:a@h>\r\nCall-ID: timers\r\nCSeq: 1 {method}\r\nContent-Length: 0\r\n\r\n";
        return (SipRequest)SipMessageParser.Parse(Encoding.ASCII.GetBytes(text), true).Message!;
    }

    private double[] SentOffsets(DateTimeOffset start, string startLine) =>
        [.. transport.Sent.Where(s => s.Text.StartsWith(startLine, StringComparison.Ordinal)).Select(s => (s.At - start).TotalSeconds)];

    [Fact]
    public void InviteServer_FinalErrorWithoutAck_RetransmitsOnTimerGUntilTimerH()
    {
        var start = time.GetUtcNow();
        lock (layer.Gate)
        {
            var invite = (InviteServerTransaction)layer.CreateServer(Request("INVITE"), Udp);
            invite.Respond(SipResponseFactory.Create(invite.Request, 486, "tag"));
        }

        time.Advance(TimeSpan.FromSeconds(40));
        var offsets = SentOffsets(start, "SIP/2.0 486");
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], offsets);
        Assert.Equal(0, layer.ServerCount);
    }

    [Fact]
    public void InviteServer_AckInCompleted_StopsRetransmissionAndTerminatesAfterTimerI()
    {
        InviteServerTransaction invite;
        lock (layer.Gate)
        {
            invite = (InviteServerTransaction)layer.CreateServer(Request("INVITE"), Udp);
            invite.Respond(SipResponseFactory.Create(invite.Request, 487, "tag"));
        }

        time.Advance(TimeSpan.FromSeconds(1));
        lock (layer.Gate)
        {
            Assert.Same(invite, layer.FindServer(Request("ACK")));
            invite.OnAck();
        }

        var sent = transport.Sent.Count;
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.Equal(sent, transport.Sent.Count);
        Assert.Equal(1, layer.ServerCount);
        time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(0, layer.ServerCount);
    }

    [Fact]
    public void InviteServer_RetransmittedInvite_ResendsLastProvisional()
    {
        lock (layer.Gate)
        {
            var invite = layer.CreateServer(Request("INVITE"), Udp);
            invite.Respond(SipResponseFactory.Create(invite.Request, 100, null));
            layer.FindServer(Request("INVITE"))!.OnRetransmission();
        }

        Assert.Equal(2, transport.Sent.Count(s => s.Text.StartsWith("SIP/2.0 100", StringComparison.Ordinal)));
    }

    [Fact]
    public void InviteServer_2xx_AcceptedAbsorbsRetransmissionsUntilTimerL()
    {
        lock (layer.Gate)
        {
            var invite = (InviteServerTransaction)layer.CreateServer(Request("INVITE"), Udp);
            invite.Respond(SipResponseFactory.Create(invite.Request, 200, "tag"));
            invite.OnRetransmission();
            Assert.Equal(InviteServerState.Accepted, invite.State);
        }

        Assert.Single(transport.Sent);
        time.Advance(TimeSpan.FromSeconds(31.9));
        Assert.Equal(1, layer.ServerCount);
        time.Advance(TimeSpan.FromSeconds(0.2));
        Assert.Equal(0, layer.ServerCount);
    }

    [Fact]
    public void NonInviteServer_RetransmittedRequest_GetsLastResponseUntilTimerJ()
    {
        lock (layer.Gate)
        {
            var options = layer.CreateServer(Request("OPTIONS"), Udp);
            options.Respond(SipResponseFactory.Create(options.Request, 200, "t"));
        }

        time.Advance(TimeSpan.FromSeconds(10));
        lock (layer.Gate)
        {
            layer.FindServer(Request("OPTIONS"))!.OnRetransmission();
        }

        Assert.Equal(2, transport.Sent.Count);
        time.Advance(TimeSpan.FromSeconds(22.1));
        Assert.Equal(0, layer.ServerCount);
    }

    [Fact]
    public void NonInviteServer_Tcp_TerminatesAtOnce()
    {
        lock (layer.Gate)
        {
            var options = layer.CreateServer(Request("OPTIONS"), Tcp);
            options.Respond(SipResponseFactory.Create(options.Request, 200, "t"));
        }

        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, layer.ServerCount);
    }

    [Fact]
    public async Task NonInviteClient_NoResponse_RetransmitsOnTimerEAndTimesOutOnTimerF()
    {
        var start = time.GetUtcNow();
        NonInviteClientTransaction bye;
        lock (layer.Gate)
        {
            bye = layer.SendRequest(Request("BYE", "z9hG4bKclient"), Udp);
        }

        time.Advance(TimeSpan.FromSeconds(33));
        Assert.Equal([0, 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5, 31.5], SentOffsets(start, "BYE"));
        Assert.Null(await bye.Completion);
        Assert.Equal(0, layer.ClientCount);
    }

    [Fact]
    public async Task NonInviteClient_FinalResponse_CompletesAndTimerKEnds()
    {
        NonInviteClientTransaction bye;
        lock (layer.Gate)
        {
            bye = layer.SendRequest(Request("BYE", "z9hG4bKclient2"), Udp);
        }

        var ok = SipResponseFactory.Create(Request("BYE", "z9hG4bKclient2"), 200, null);
        var parsed = (SipResponse)SipMessageParser.Parse(ok.ToBytes(), true).Message!;
        lock (layer.Gate)
        {
            Assert.True(layer.HandleResponse(parsed));
        }

        Assert.Equal(200, (await bye.Completion)!.StatusCode);
        time.Advance(TimeSpan.FromSeconds(5.1));
        Assert.Equal(0, layer.ClientCount);
        Assert.Single(transport.Sent);
    }

    [Fact]
    public void Matching_Rfc2543RequestWithoutCookie_MatchesByCallIdCSeqAndVia()
    {
        lock (layer.Gate)
        {
            var invite = layer.CreateServer(Request("INVITE", "oldbranch"), Udp);
            Assert.Same(invite, layer.FindServer(Request("INVITE", "oldbranch")));
            Assert.Same(invite, layer.FindServer(Request("ACK", "oldbranch")));
            Assert.Null(layer.FindServer(Request("OPTIONS", "oldbranch")));
        }
    }
}

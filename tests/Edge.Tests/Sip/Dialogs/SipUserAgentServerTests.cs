using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Sip.Sdp;
using VoiceConnector.Edge.Tests.Sip.Support;

namespace VoiceConnector.Edge.Tests.Sip.Dialogs;

/// <summary>The UAS against a raw UDP peer: each request type gets the RFC 3261 answer.</summary>
public sealed class SipUserAgentServerTests(SipEdgeFixture fixture) : IClassFixture<SipEdgeFixture>
{
    private SipEdgeHost Edge => fixture.Host;

    [Fact]
    public async Task Invite_WithG711Offer_Gets100Then200WithAnswerAndByeEndsCall()
    {
        using var client = new SipTestClient(Edge.Port);
        var callId = Guid.NewGuid().ToString("N");
        client.Send(client.Request("INVITE", callId, "from1", body: SipTestClient.Offer(40000, "8 0 101"),
            extraHeaders: "Record-Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\r\n"));
        var trying = Assert.IsType<SipResponse>(await client.ReceiveAsync());
        Assert.Equal(100, trying.StatusCode);
        var ok = (await client.ReceiveFinalAsync())!;
        Assert.Equal(200, ok.StatusCode);
        Assert.NotNull(ok.To!.Tag);
        Assert.Equal("from1", ok.From!.Tag);
        Assert.Equal(client.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), ok.TopVia!.RPort);
        Assert.Equal("127.0.0.1", ok.TopVia.Received);
        Assert.NotEmpty(ok.Headers.GetValues(SipHeaderNames.Contact));
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"], ok.Headers.GetValues(SipHeaderNames.RecordRoute));
        Assert.True(SessionDescription.TryParse(ok.BodyText, out var answer));
        Assert.Equal("0", answer.Media[0].Formats[0]);
        Assert.Equal(1, Edge.Sip.Calls!.Count);

        client.Send(client.Request("ACK", callId, "from1", ok.To.Tag, cseq: (int)ok.CSeq!.Value.Number));
        client.Send(client.Request("BYE", callId, "from1", ok.To.Tag));
        var byeOk = (await client.ReceiveFinalAsync())!;
        Assert.Equal(200, byeOk.StatusCode);
        Assert.Equal("BYE", byeOk.CSeq!.Value.Method);
        Assert.Equal(0, Edge.Sip.Calls.Count);
    }

    [Fact]
    public async Task Invite_WithoutAck_200IsRetransmittedOnT1Schedule()
    {
        using var client = new SipTestClient(Edge.Port);
        var callId = Guid.NewGuid().ToString("N");
        client.Send(client.Request("INVITE", callId, "f", body: SipTestClient.Offer(40002)));
        var first = (await client.ReceiveFinalAsync())!;
        var started = DateTime.UtcNow;
        var again = (await client.ReceiveFinalAsync(timeout: TimeSpan.FromSeconds(2)))!;
        Assert.Equal(200, again.StatusCode);
        Assert.Equal(first.To!.Tag, again.To!.Tag);
        Assert.InRange((DateTime.UtcNow - started).TotalMilliseconds, 300, 1500);
        client.Send(client.Request("ACK", callId, "f", first.To.Tag, cseq: (int)first.CSeq!.Value.Number));
        client.Send(client.Request("BYE", callId, "f", first.To.Tag));
        Assert.Equal("BYE", (await client.ReceiveFinalAsync())!.CSeq!.Value.Method);
    }

    [Fact]
    public async Task Invite_Retransmitted_DoesNotCreateSecondCall()
    {
        using var client = new SipTestClient(Edge.Port);
        var callId = Guid.NewGuid().ToString("N");
        var invite = client.Request("INVITE", callId, "f", body: SipTestClient.Offer(40004), branch: SipTestClient.NewBranch(), cseq: 1);
        client.Send(invite);
        client.Send(invite);
        var ok = (await client.ReceiveFinalAsync())!;
        client.Send(client.Request("ACK", callId, "f", ok.To!.Tag, cseq: 1));
        client.Send(client.Request("BYE", callId, "f", ok.To.Tag, cseq: 2));
        var bye = await ReceiveFor(client, "BYE");
        Assert.Equal(200, bye.StatusCode);
    }

    [Theory]
    [InlineData("18 3", "application/sdp", 488)]
    [InlineData("0", "text/plain", 415)]
    public async Task Invite_UnusableBody_IsRejected(string formats, string contentType, int expected)
    {
        using var client = new SipTestClient(Edge.Port);
        client.Send(client.Request("INVITE", Guid.NewGuid().ToString("N"), "f", body: SipTestClient.Offer(40006, formats), contentType: contentType));
        var response = (await client.ReceiveFinalAsync())!;
        Assert.Equal(expected, response.StatusCode);
        if (expected == 415)
        {
            Assert.Equal("application/sdp", response.Headers[SipHeaderNames.Accept]);
        }
    }

    [Fact]
    public async Task Options_Gets200WithAllowAndAccept()
    {
        using var client = new SipTestClient(Edge.Port);
        client.Send(client.Request("OPTIONS", Guid.NewGuid().ToString("N"), "f"));
        var response = (await client.ReceiveFinalAsync())!;
        Assert.Equal(200, response.StatusCode);
        Assert.Contains("INVITE", response.Headers[SipHeaderNames.Allow], StringComparison.Ordinal);
        Assert.Equal("application/sdp", response.Headers[SipHeaderNames.Accept]);
    }

    [Theory]
    [InlineData("REGISTER", 405)]
    [InlineData("SUBSCRIBE", 405)]
    [InlineData("FROBNICATE", 501)]
    public async Task OtherMethods_GetMethodNotAllowedOrNotImplemented(string method, int expected)
    {
        using var client = new SipTestClient(Edge.Port);
        client.Send(client.Request(method, Guid.NewGuid().ToString("N"), "f"));
        var response = (await client.ReceiveFinalAsync())!;
        Assert.Equal(expected, response.StatusCode);
        Assert.NotNull(response.Headers[SipHeaderNames.Allow]);
    }

    [Theory]
    [InlineData("BYE")]
    [InlineData("NOTIFY")]
    [InlineData("INVITE")]
    public async Task InDialogRequest_UnknownDialog_Gets481(string method)
    {
        using var client = new SipTestClient(Edge.Port);
        var body = method == "INVITE" ? SipTestClient.Offer(40008) : null;
        client.Send(client.Request(method, "no-such-call", "f", toTag: "nosuchtag", body: body));
        Assert.Equal(481, (await client.ReceiveFinalAsync())!.StatusCode);
    }

    [Fact]
    public async Task Cancel_UnknownInvite_Gets481()
    {
        using var client = new SipTestClient(Edge.Port);
        client.Send(client.Request("CANCEL", "no-such-call", "f"));
        Assert.Equal(481, (await client.ReceiveFinalAsync())!.StatusCode);
    }

    [Fact]
    public async Task Malformed_RespondableRequest_Gets400AndGarbageIsDropped()
    {
        using var client = new SipTestClient(Edge.Port);
        client.SendRaw(System.Text.Encoding.ASCII.GetBytes("\0\u0001garbage\r\n\r\n"));
        client.SendRaw(System.Text.Encoding.ASCII.GetBytes("INVITE sip:x@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP"));
        var bad = client.Request("OPTIONS", "bad-cl", "f").Replace("Content-Length: 0", "Content-Length: 500", StringComparison.Ordinal);
        client.Send(bad);
        var response = (await client.ReceiveFinalAsync())!;
        Assert.Equal(400, response.StatusCode);
        Assert.Equal("bad-cl", response.CallId);

        client.Send(client.Request("OPTIONS", "after-garbage", "f"));
        Assert.Equal(200, (await client.ReceiveFinalAsync())!.StatusCode);
    }

    [Fact]
    public async Task Require_UnknownExtension_Gets420WithUnsupported()
    {
        using var client = new SipTestClient(Edge.Port);
        client.Send(client.Request("OPTIONS", "req", "f", extraHeaders: "Require: foo, bar\r\n"));
        var response = (await client.ReceiveFinalAsync())!;
        Assert.Equal(420, response.StatusCode);
        Assert.Equal("foo, bar", response.Headers[SipHeaderNames.Unsupported]);
    }

    [Fact]
    public async Task ReInvite_Hold_AnswersRecvOnlyAndKeepsCall()
    {
        using var client = new SipTestClient(Edge.Port);
        var callId = Guid.NewGuid().ToString("N");
        client.Send(client.Request("INVITE", callId, "f", body: SipTestClient.Offer(40010), cseq: 1));
        var ok = (await client.ReceiveFinalAsync())!;
        var tag = ok.To!.Tag;
        client.Send(client.Request("ACK", callId, "f", tag, cseq: 1));
        Assert.True(SessionDescription.TryParse(ok.BodyText, out var first));

        client.Send(client.Request("INVITE", callId, "f", tag, SipTestClient.Offer(40010, direction: "sendonly"), cseq: 2));
        var hold = (await client.ReceiveFinalAsync())!;
        Assert.Equal(200, hold.StatusCode);
        Assert.True(SessionDescription.TryParse(hold.BodyText, out var held));
        Assert.Equal(SdpDirection.RecvOnly, held.Media[0].Direction);
        Assert.Equal(first.Origin.SessionVersion + 1, held.Origin.SessionVersion);
        Assert.Equal(first.Media[0].Port, held.Media[0].Port);
        client.Send(client.Request("ACK", callId, "f", tag, cseq: 2));

        client.Send(client.Request("INVITE", callId, "f", tag, SipTestClient.Offer(40012), cseq: 3));
        var resume = (await client.ReceiveFinalAsync())!;
        Assert.True(SessionDescription.TryParse(resume.BodyText, out var resumed));
        Assert.Equal(SdpDirection.SendRecv, resumed.Media[0].Direction);
        client.Send(client.Request("ACK", callId, "f", tag, cseq: 3));

        client.Send(client.Request("INVITE", callId, "f", tag, SipTestClient.Offer(40012), cseq: 2));
        Assert.Equal(500, (await client.ReceiveFinalAsync())!.StatusCode);
        client.Send(client.Request("BYE", callId, "f", tag, cseq: 4));
        Assert.Equal(200, (await ReceiveFor(client, "BYE")).StatusCode);
    }

    [Fact]
    public async Task AckAndBye_WrongCallId_CallSurvives()
    {
        using var client = new SipTestClient(Edge.Port);
        var callId = Guid.NewGuid().ToString("N");
        client.Send(client.Request("INVITE", callId, "f", body: SipTestClient.Offer(40014), cseq: 1));
        var ok = (await client.ReceiveFinalAsync())!;
        var tag = ok.To!.Tag;
        client.Send(client.Request("ACK", "wrong-" + callId, "f", tag, cseq: 1));
        client.Send(client.Request("ACK", callId, "f", tag, cseq: 1));
        client.Send(client.Request("BYE", "wrong-" + callId, "f", tag, cseq: 2));
        Assert.Equal(481, (await ReceiveFor(client, "BYE")).StatusCode);
        client.Send(client.Request("BYE", callId, "f", tag, cseq: 3));
        Assert.Equal(200, (await ReceiveFor(client, "BYE")).StatusCode);
    }

    internal static async Task<SipResponse> ReceiveFor(SipTestClient client, string method)
    {
        for (var i = 0; i < 20; i++)
        {
            var response = await client.ReceiveFinalAsync();
            if (response is null || response.CSeq?.Method == method)
            {
                return response ?? throw new TimeoutException("no response to " + method);
            }
        }

        throw new TimeoutException("no response to " + method);
    }
}

using System.Net.Sockets;
using System.Text;
using VoiceConnector.Edge.Sip.Access;
using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Tests.Sip.Support;

namespace VoiceConnector.Edge.Tests.Sip.Dialogs;

/// <summary>Allow-list, digest authentication, flood limiting, CANCEL during ringing, and TCP.</summary>
public sealed class SipAccessTests
{
    [Fact]
    public async Task Request_SourceOutsideAllowList_Gets403()
    {
        await using var edge = await SipEdgeHost.StartAsync(new Dictionary<string, string?> { ["Sip:AllowedNetworks:0"] = "10.0.0.0/8" });
        using var client = new SipTestClient(edge.Port);
        client.Send(client.Request("INVITE", "denied", "f", body: SipTestClient.Offer(40020)));
        Assert.Equal(403, (await client.ReceiveFinalAsync())!.StatusCode);
        Assert.Equal(0, edge.Sip.Calls!.Count);
    }

    [Fact]
    public async Task Invite_DigestConfigured_ChallengesThenAcceptsValidCredentials()
    {
        await using var edge = await SipEdgeHost.StartAsync(new Dictionary<string, string?> { ["Sip:Users:trunk"] = "s3cret" });
        using var client = new SipTestClient(edge.Port);
        var callId = Guid.NewGuid().ToString("N");
        client.Send(client.Request("INVITE", callId, "f", body: SipTestClient.Offer(40022), cseq: 1));
        var challenge = (await client.ReceiveFinalAsync())!;
        Assert.Equal(401, challenge.StatusCode);
        var header = challenge.Headers[SipHeaderNames.WwwAuthenticate]!;
        var nonce = header.Split("nonce=\"")[1].Split('"')[0];
        client.Send(client.Request("ACK", callId, "f", challenge.To!.Tag, cseq: 1));

        var uri = "sip:+15550001111@" + client.Target;
        string Authorization(string password)
        {
            var ha1 = DigestAuthenticator.Md5Hex($"trunk:voiceconnector:{password}");
            var ha2 = DigestAuthenticator.Md5Hex($"INVITE:{uri}");
            var response = DigestAuthenticator.Md5Hex($"{ha1}:{nonce}:00000001:abc:auth:{ha2}");
            return $"Authorization: Digest username=\"trunk\", realm=\"voiceconnector\", nonce=\"{nonce}\", uri=\"{uri}\", response=\"{response}\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"abc\"\r\n";
        }

        client.Send(client.Request("INVITE", callId, "f", body: SipTestClient.Offer(40022), cseq: 2, extraHeaders: Authorization("wrong")));
        Assert.Equal(401, (await client.ReceiveFinalAsync())!.StatusCode);
        client.Send(client.Request("INVITE", callId, "f", body: SipTestClient.Offer(40022), cseq: 3, extraHeaders: Authorization("s3cret")));
        var ok = (await client.ReceiveFinalAsync())!;
        Assert.Equal(200, ok.StatusCode);
        client.Send(client.Request("ACK", callId, "f", ok.To!.Tag, cseq: 3));
        client.Send(client.Request("BYE", callId, "f", ok.To.Tag, cseq: 4));
        Assert.Equal(200, (await SipUserAgentServerTests.ReceiveFor(client, "BYE")).StatusCode);
    }

    [Fact]
    public async Task Cancel_BeforeAnswer_Gets200AndInviteGets487()
    {
        await using var edge = await SipEdgeHost.StartAsync(new Dictionary<string, string?> { ["Sip:AnswerDelayMs"] = "2000", ["Sip:SendRinging"] = "true" });
        using var client = new SipTestClient(edge.Port);
        var branch = SipTestClient.NewBranch();
        var callId = Guid.NewGuid().ToString("N");
        client.Send(client.Request("INVITE", callId, "f", body: SipTestClient.Offer(40024), branch: branch, cseq: 1));
        Assert.Equal(100, ((SipResponse)(await client.ReceiveAsync())!).StatusCode);
        Assert.Equal(180, ((SipResponse)(await client.ReceiveAsync())!).StatusCode);
        client.Send(client.Request("CANCEL", callId, "f", branch: branch, cseq: 1));
        var responses = new List<SipResponse> { (await client.ReceiveFinalAsync())!, (await client.ReceiveFinalAsync())! };
        Assert.Contains(responses, r => r.StatusCode == 200 && r.CSeq!.Value.Method == "CANCEL");
        var terminated = Assert.Single(responses, r => r.StatusCode == 487 && r.CSeq!.Value.Method == "INVITE");
        client.Send(client.Request("ACK", callId, "f", terminated.To!.Tag, branch: branch, cseq: 1));
        Assert.Null(await client.ReceiveFinalAsync(timeout: TimeSpan.FromSeconds(2.5)));
        Assert.Equal(0, edge.Sip.Calls!.Count);
    }

    [Fact]
    public async Task OptionsFlood_FromOneSource_IsCutToTheBurstWhileOthersAreServed()
    {
        await using var edge = await SipEdgeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sip:RequestsPerSecondPerSource"] = "10",
            ["Sip:RequestBurstPerSource"] = "20",
        });
        using var flooder = new SipTestClient(edge.Port);
        for (var i = 0; i < 500; i++)
        {
            flooder.Send(flooder.Request("OPTIONS", "flood-" + i, "f"));
        }

        var answered = 0;
        while (await flooder.ReceiveAsync(TimeSpan.FromMilliseconds(500)) is not null)
        {
            answered++;
        }

        Assert.InRange(answered, 20, 40);
    }

    [Fact]
    public async Task Invite_OverTcp_ResponsesComeBackOnTheConnection()
    {
        await using var edge = await SipEdgeHost.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", edge.Port);
        var stream = tcp.GetStream();
        var local = (System.Net.IPEndPoint)tcp.Client.LocalEndPoint!;
        var body = SipTestClient.Offer(40026);
        var invite = $"INVITE sip:1000@127.0.0.1:{edge.Port};transport=tcp SIP/2.0\r\nVia: SIP/2.0/TCP 127.0.0.1:{local.Port};branch=z9hG4bKtcp1\r\nMax-Forwards: 70\r\n"
            + $"From: <sip:t@127.0.0.1>;tag=t1\r\nTo: <sip:1000@127.0.0.1>\r\nCall-ID: tcp-call\r\nCSeq: 1 INVITE\r\nContact: <sip:t@127.0.0.1:{local.Port};transport=tcp>\r\n"
            + $"Content-Type: application/sdp\r\nContent-Length: {body.Length}\r\n\r\n{body}";
        await stream.WriteAsync(Encoding.ASCII.GetBytes("\r\n\r\n" + invite));
        var buffer = new byte[8192];
        var text = new StringBuilder();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (!text.ToString().Contains("SIP/2.0 200 OK", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            Assert.True(read > 0);
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        Assert.StartsWith("SIP/2.0 100 Trying", text.ToString(), StringComparison.Ordinal);
        Assert.Contains("transport=tcp", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, edge.Sip.Calls!.Count);
    }

    [Fact]
    public async Task Tcp_BadContentLength_ClosesConnectionButEdgeServesOthers()
    {
        await using var edge = await SipEdgeHost.StartAsync();
        using (var tcp = new TcpClient())
        {
            await tcp.ConnectAsync("127.0.0.1", edge.Port);
            await tcp.GetStream().WriteAsync(Encoding.ASCII.GetBytes("OPTIONS sip:a@127.0.0.1 SIP/2.0\r\nContent-Length: -5\r\n\r\n"));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            Assert.Equal(0, await tcp.GetStream().ReadAsync(new byte[100], timeout.Token));
        }

        using var client = new SipTestClient(edge.Port);
        client.Send(client.Request("OPTIONS", "after-tcp", "f"));
        Assert.Equal(200, (await client.ReceiveFinalAsync())!.StatusCode);
    }
}

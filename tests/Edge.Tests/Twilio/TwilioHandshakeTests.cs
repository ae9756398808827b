using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Tests.Media;

namespace VoiceConnector.Edge.Tests.Twilio;

public sealed class TwilioHandshakeTests
{
    [Fact]
    public async Task Upgrade_SignedOverConfiguredPublicUrl_Accepted()
    {
        var agent = new ScriptedTestAgent();
        await using var edge = new TwilioEdgeFactory(agent);

        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        await client.BeginAsync();

        var call = await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(client.StreamSid, call.Description.CallId);
        Assert.Equal(client.CallSid, call.Description.TwilioCallSid);
        Assert.Equal("+15550100", call.Description.From);
        Assert.Equal("+15550199", call.Description.To);
    }

    [Fact]
    public async Task Start_FunctionsParameterNames_DescribeCall()
    {
        // The names the functions app writes into <Stream><Parameter> (functions/Webhooks/StreamParameters.cs).
        var agent = new ScriptedTestAgent();
        await using var edge = new TwilioEdgeFactory(agent);
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        await client.SendConnectedAsync();
        await client.SendStartAsync(new Dictionary<string, string>
        {
            ["agentId"] = "agent-1", ["tenantId"] = "tenant-1", ["number"] = "+15550142", ["to"] = "+15550142",
            ["from"] = "+15550177", ["direction"] = "inbound",
        });

        var call = await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("+15550177", call.Description.From);
        Assert.Equal("+15550142", call.Description.To);
        Assert.Equal("agent-1", call.Description.Parameters["agentId"]);
        Assert.Equal("PCMU", call.Description.Codec);
        Assert.Equal(VoiceConnector.Edge.Calls.CallTransport.TwilioMediaStreams, call.Description.Transport);
    }

    [Fact]
    public async Task Upgrade_PacingThreadsAboveMaxLoad_503UntilTheLoadFalls()
    {
        await using var edge = new TwilioEdgeFactory(new ScriptedTestAgent());
        var clock = edge.Services.GetRequiredService<IPacingClock>();

        // 19 ms of work in each 20 ms tick on one pacing thread: the busiest thread's load climbs above 0.75.
        using (clock.Register(new BusySender(milliseconds: 19)))
        {
            await WaitUntilAsync(() => clock.Load > 0.75);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await TwilioStreamClient.HandshakeStatusAsync(edge.StreamUri, TwilioEdgeFactory.Sign()));
        }

        await WaitUntilAsync(() => clock.Load < 0.3);
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        Assert.Null(client.CloseStatus);
    }

    [Fact]
    public async Task Upgrade_MissingSignature_403()
    {
        await using var edge = new TwilioEdgeFactory(new ScriptedTestAgent());

        Assert.Equal(HttpStatusCode.Forbidden, await TwilioStreamClient.HandshakeStatusAsync(edge.StreamUri, null));
    }

    [Fact]
    public async Task Upgrade_SignedWithOtherToken_403()
    {
        await using var edge = new TwilioEdgeFactory(new ScriptedTestAgent());

        var status = await TwilioStreamClient.HandshakeStatusAsync(edge.StreamUri, TwilioEdgeFactory.Sign(token: "ffffffffffffffffffffffffffffffff"));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Upgrade_SignedOverRewrittenRequestUrl_403()
    {
        // A load balancer rewrites the URL; Twilio signed the public wss URL, not what the edge sees.
        await using var edge = new TwilioEdgeFactory(new ScriptedTestAgent());

        var status = await TwilioStreamClient.HandshakeStatusAsync(edge.StreamUri, TwilioEdgeFactory.Sign(edge.StreamUri.ToString()));

        Assert.Equal(HttpStatusCode.Forbidden, status);
    }

    [Fact]
    public async Task Upgrade_SignedOverForwardedUrl_AcceptedOnlyWhenTrusted()
    {
        var forwarded = new Dictionary<string, string> { ["X-Forwarded-Proto"] = "https", ["X-Forwarded-Host"] = "lb.example.test" };
        var signature = TwilioEdgeFactory.Sign("wss://lb.example.test/twilio/media");
        await using var trusting = new TwilioEdgeFactory(new ScriptedTestAgent(), new Dictionary<string, string?> { ["Twilio:TrustForwardedHeaders"] = "true" });
        await using var strict = new TwilioEdgeFactory(new ScriptedTestAgent());

        Assert.Equal(HttpStatusCode.SwitchingProtocols, await TwilioStreamClient.HandshakeStatusAsync(trusting.StreamUri, signature, forwarded));
        Assert.Equal(HttpStatusCode.Forbidden, await TwilioStreamClient.HandshakeStatusAsync(strict.StreamUri, signature, forwarded));
    }

    [Fact]
    public async Task Upgrade_ValidationOff_AcceptsUnsigned()
    {
        await using var edge = new TwilioEdgeFactory(new ScriptedTestAgent(), new Dictionary<string, string?>
        {
            ["Twilio:ValidateSignature"] = "false",
            ["Twilio:AuthToken"] = "",
        });

        Assert.Equal(HttpStatusCode.SwitchingProtocols, await TwilioStreamClient.HandshakeStatusAsync(edge.StreamUri, null));
    }

    [Fact]
    public async Task Upgrade_NoAuthTokenConfigured_AppStartsAndRefuses403()
    {
        await using var edge = new TwilioEdgeFactory(new ScriptedTestAgent(), new Dictionary<string, string?> { ["Twilio:AuthToken"] = "" });

        Assert.Equal(HttpStatusCode.Forbidden, await TwilioStreamClient.HandshakeStatusAsync(edge.StreamUri, TwilioEdgeFactory.Sign()));
    }

    [Fact]
    public async Task Get_NotWebSocketButSigned_400()
    {
        await using var edge = new TwilioEdgeFactory(new ScriptedTestAgent());
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new UriBuilder(edge.StreamUri) { Scheme = "http" }.Uri);
        request.Headers.Add("X-Twilio-Signature", TwilioEdgeFactory.Sign());

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}

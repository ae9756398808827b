using System.Net;
using System.Xml.Linq;
using VoiceConnector.Contracts;
using VoiceConnector.Functions.Tests.Infrastructure;

namespace VoiceConnector.Functions.Tests.Api;

[Collection(PostgresGroup.Name)]
public sealed class CallApiTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CreateCall_FromOwnNumber_PlacesOneTwilioCallWithStreamTwimlEvenWhenRetried(string provider)
    {
        var (twilio, account) = await FakeTwilio.StartAsync();
        await using var fake = twilio;
        await using var app = await FunctionsApp.StartAsync(provider, postgres, account);
        var (tenant, key) = await app.CreateTenantAsync("acme");
        var agent = await Seed.AgentAsync(app, tenant);
        using var client = app.Client(key);
        await BuyAsync(client, "+14155550100", agent.Definition.AgentId);
        var request = new { from = "+14155550100", to = "+16175551212" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => HttpJson.PostAsync(client, "/v1/calls", request, "call-1")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var create = Assert.Single(twilio.Requests("CreateCall"));
        Assert.Equal("+16175551212", create.FormValue("To"));
        Assert.Equal("+14155550100", create.FormValue("From"));
        Assert.Equal(app.PublicBaseUrl + "/twilio/status", create.FormValue("StatusCallback"));
        var stream = XDocument.Parse(create.FormValue("Twiml")!).Root!.Element("Connect")!.Element("Stream")!;
        Assert.Equal(FunctionsApp.MediaStreamUrl, stream.Attribute("url")!.Value);
        Assert.Contains(stream.Elements("Parameter"), p => p.Attribute("name")!.Value == "agentId" && p.Attribute("value")!.Value == agent.Definition.AgentId);
        Assert.Contains(stream.Elements("Parameter"), p => p.Attribute("name")!.Value == "direction" && p.Attribute("value")!.Value == "outbound");
        Assert.Empty(twilio.Violations);

        var call = await HttpJson.ReadAsync(responses[0]);
        Assert.Equal(twilio.State.Calls.Single().Sid, call.GetProperty("twilioCallSid").GetString());
        Assert.Equal("outbound", call.GetProperty("direction").GetString());
        Assert.Single((await HttpJson.ReadAsync(await client.GetAsync("/v1/calls"))).GetProperty("data").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CreateCall_InvalidRequests_ProblemAndNoCallPlaced(string provider)
    {
        var (twilio, account) = await FakeTwilio.StartAsync();
        await using var fake = twilio;
        await using var app = await FunctionsApp.StartAsync(provider, postgres, account);
        var (tenant, key) = await app.CreateTenantAsync("acme");
        var (other, _) = await app.CreateTenantAsync("other");
        var agent = await Seed.AgentAsync(app, tenant);
        await Seed.NumberAsync(app, tenant, "+14155550100", agent.Definition.AgentId);
        await Seed.NumberAsync(app, other, "+14155550199", (await Seed.AgentAsync(app, other)).Definition.AgentId);
        using var client = app.Client(key);

        await HttpJson.ProblemAsync(await HttpJson.PostAsync(client, "/v1/calls", new { from = "+14155550100", to = "6175551212" }, "a"), 400);
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(client, "/v1/calls", new { from = "+14155550199", to = "+16175551212" }, "b"), 400);
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(client, "/v1/calls", new { from = "+14155550100", to = "+16175551212", agentId = "agt_nope" }, "c"), 400);
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(client, "/v1/calls", new { from = "+14155550100", to = "+16175551212" }), 400);
        await HttpJson.ProblemAsync(await HttpJson.SendAsync(client, HttpMethod.Post, "/v1/calls", "{", "d"), 400);

        Assert.Empty(twilio.Requests("CreateCall"));
        Assert.Empty((await HttpJson.ReadAsync(await client.GetAsync("/v1/calls"))).GetProperty("data").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OutboundCall_EdgeRecordAndStatusCallbacks_FillTheSameCall(string provider)
    {
        var (twilio, account) = await FakeTwilio.StartAsync();
        await using var fake = twilio;
        await using var app = await FunctionsApp.StartAsync(provider, postgres, account, onKestrel: true);
        var (tenant, key) = await app.CreateTenantAsync("acme");
        var agent = await Seed.AgentAsync(app, tenant);
        using var client = app.Client(key);
        await BuyAsync(client, "+14155550100", agent.Definition.AgentId);
        using var edge = app.Client(FunctionsApp.EdgeKey);
        var created = await HttpJson.ReadAsync(await HttpJson.PostAsync(client, "/v1/calls", new { from = "+14155550100", to = "+16175551212" }, "o-1"));
        var sid = created.GetProperty("twilioCallSid").GetString()!;

        await twilio.Calls.SetCallStatusAsync(sid, "in-progress", CancellationToken.None);
        var record = Seed.CallRecord("MZ-outbound", "+16175551212", sid) with { From = "+14155550100" };
        Assert.Equal(HttpStatusCode.OK, (await HttpJson.PostAsync(edge, EdgeApi.CallRecordsPath, record)).StatusCode);
        using var completed = await twilio.Calls.SetCallStatusAsync(sid, "completed", CancellationToken.None);
        Assert.Equal(HttpStatusCode.NoContent, completed!.StatusCode);

        var list = await HttpJson.ReadAsync(await client.GetAsync("/v1/calls"));
        var only = Assert.Single(list.GetProperty("data").EnumerateArray());
        var detail = await HttpJson.ReadAsync(await client.GetAsync("/v1/calls/" + only.GetProperty("id").GetString()));
        Assert.Equal("outbound", detail.GetProperty("direction").GetString());
        Assert.Equal("MZ-outbound", detail.GetProperty("callId").GetString());
        Assert.Equal(3, detail.GetProperty("turns").GetArrayLength());
        Assert.Contains(detail.GetProperty("statusEvents").EnumerateArray(), e => e.GetProperty("status").GetString() == "completed");
    }

    private static async Task BuyAsync(HttpClient client, string phoneNumber, string agentId)
    {
        using var bought = await HttpJson.PostAsync(client, "/v1/numbers", new { phoneNumber, agentId }, "buy-" + phoneNumber);
        Assert.Equal(HttpStatusCode.Created, bought.StatusCode);
    }
}

using System.Net;
using System.Xml.Linq;
using VoiceConnector.Contracts;
using VoiceConnector.Functions.Storage;
using VoiceConnector.Functions.Tests.Infrastructure;

namespace VoiceConnector.Functions.Tests.EdgeFacing;

[Collection(PostgresGroup.Name)]
public sealed class EdgeEndpointTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AgentByNumber_KnownNumber_ReturnsAgentLookup(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        var (tenant, _) = await app.CreateTenantAsync("acme");
        var agent = await Seed.AgentAsync(app, tenant);
        await Seed.NumberAsync(app, tenant, "+4930901820", agent.Definition.AgentId, NumberKinds.Sip, NumberRoutings.Sip);
        using var edge = app.Client(FunctionsApp.EdgeKey);

        var lookup = await HttpJson.GetAsync<AgentLookup>(edge, EdgeApi.AgentByNumber("+4930901820"));

        Assert.NotNull(lookup);
        Assert.Equal(tenant, lookup.TenantId);
        Assert.Equal("+4930901820", lookup.Number);
        Assert.Equal(agent.Definition.AgentId, lookup.Agent.AgentId);
        Assert.Equal(agent.Definition.Greeting, lookup.Agent.Greeting);
        Assert.Equal([AgentTools.HangUp], lookup.Agent.Tools);
        Assert.True(lookup.CacheSeconds > 0);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AgentByNumber_UnknownOrAgentless_NotFound(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        var (tenant, _) = await app.CreateTenantAsync("acme");
        await Seed.NumberAsync(app, tenant, "+4930901821", agentId: null, NumberKinds.Sip, NumberRoutings.Sip);
        using var edge = app.Client(FunctionsApp.EdgeKey);

        await HttpJson.ProblemAsync(await edge.GetAsync(EdgeApi.AgentByNumber("+4930901821")), 404);
        await HttpJson.ProblemAsync(await edge.GetAsync(EdgeApi.AgentByNumber("+4930000000")), 404);
        await HttpJson.ProblemAsync(await edge.GetAsync(EdgeApi.AgentByNumber("not-a-number")), 400);
    }

    [Fact]
    public async Task EdgeEndpoints_MissingOrWrongKey_Unauthorized()
    {
        await using var app = await FunctionsApp.StartAsync("sqlite", postgres);
        var (_, apiKey) = await app.CreateTenantAsync("acme");
        foreach (var bearer in new[] { null, "wrong-edge-key-0123456789", apiKey, FunctionsApp.EdgeKey + "x" })
        {
            using var client = app.Client(bearer);
            await HttpJson.ProblemAsync(await client.GetAsync(EdgeApi.AgentByNumber("+4930901820")), 401);
            await HttpJson.ProblemAsync(await HttpJson.PostAsync(client, EdgeApi.CallRecordsPath, Seed.CallRecord("c-1", "+4930901820")), 401);
            await HttpJson.ProblemAsync(await HttpJson.PostAsync(client, EdgeApi.TransferPath, new TransferRequest("CA0123456789abcdef0123456789abcdef", "+16175551212")), 401);
        }

        Assert.Empty(await app.Service<CallStore>().ListAsync("any", 10, null, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CallRecord_PostedTwiceAndConcurrently_StoredOnceWithTranscriptAndTimings(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        var (tenant, key) = await app.CreateTenantAsync("acme");
        var agent = await Seed.AgentAsync(app, tenant);
        await Seed.NumberAsync(app, tenant, "+4930901820", agent.Definition.AgentId, NumberKinds.Sip, NumberRoutings.Sip);
        using var edge = app.Client(FunctionsApp.EdgeKey);
        var record = Seed.CallRecord("sip-call-1@edge", "+4930901820") with { AgentId = agent.Definition.AgentId };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => HttpJson.PostAsync(edge, EdgeApi.CallRecordsPath, record)));
        using var again = await HttpJson.PostAsync(edge, EdgeApi.CallRecordsPath, record);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var results = await Task.WhenAll(responses.Select(async r => (await HttpJson.ReadAsync(r)).GetProperty("result").GetString()));
        Assert.Equal(1, results.Count(r => r == "stored"));
        Assert.Equal("duplicate", (await HttpJson.ReadAsync(again)).GetProperty("result").GetString());
        using var api = app.Client(key);
        var list = (await HttpJson.ReadAsync(await api.GetAsync("/v1/calls"))).GetProperty("data");
        var id = Assert.Single(list.EnumerateArray()).GetProperty("id").GetString();
        var detail = await HttpJson.ReadAsync(await api.GetAsync("/v1/calls/" + id));
        Assert.Equal("G722", detail.GetProperty("codec").GetString());
        var turns = detail.GetProperty("turns").EnumerateArray().ToList();
        Assert.Equal(3, turns.Count);
        Assert.True(turns[2].GetProperty("interrupted").GetBoolean());
        Assert.Equal(420, turns[2].GetProperty("timings").GetProperty("firstTokenMs").GetDouble());
        Assert.Equal(720, turns[2].GetProperty("timings").GetProperty("firstAudioSentMs").GetDouble());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CallRecord_MalformedOrOversize_ProblemAndNothingStored(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres, overrides: new Dictionary<string, string?> { ["Functions:MaxCallRecordBytes"] = "4096" });
        var (tenant, key) = await app.CreateTenantAsync("acme");
        await Seed.NumberAsync(app, tenant, "+4930901820", (await Seed.AgentAsync(app, tenant)).Definition.AgentId, NumberKinds.Sip, NumberRoutings.Sip);
        using var edge = app.Client(FunctionsApp.EdgeKey);

        await HttpJson.ProblemAsync(await HttpJson.SendAsync(edge, HttpMethod.Post, EdgeApi.CallRecordsPath, """{"callId":"x","transport":"sip"}"""), 400);
        await HttpJson.ProblemAsync(await HttpJson.SendAsync(edge, HttpMethod.Post, EdgeApi.CallRecordsPath, "[1,2"), 400);
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(edge, EdgeApi.CallRecordsPath, Seed.CallRecord("c", "+4930901820") with { Transport = "carrier-pigeon" }), 400);
        var backwards = Seed.CallRecord("c", "+4930901820");
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(edge, EdgeApi.CallRecordsPath, backwards with { EndedAt = backwards.StartedAt.AddSeconds(-1) }), 400);
        var long_ = Seed.CallRecord("c", "+4930901820") with { Turns = [new TranscriptTurn(TurnRoles.Caller, new string('x', 5000), DateTimeOffset.UtcNow)] };
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(edge, EdgeApi.CallRecordsPath, long_), 413);

        using var api = app.Client(key);
        Assert.Empty((await HttpJson.ReadAsync(await api.GetAsync("/v1/calls"))).GetProperty("data").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Transfer_LiveTwilioCall_RedirectedWithDialTwiml(string provider)
    {
        var (twilio, account) = await FakeTwilio.StartAsync();
        await using var fake = twilio;
        await using var app = await FunctionsApp.StartAsync(provider, postgres, account);
        var sid = await PlaceLiveCallAsync(app);
        using var edge = app.Client(FunctionsApp.EdgeKey);

        using var response = await HttpJson.PostAsync(edge, EdgeApi.TransferPath, new TransferRequest(sid, "+12125550123"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var redirect = Assert.Single(twilio.Requests("UpdateCall"));
        Assert.Equal("+12125550123", XDocument.Parse(redirect.FormValue("Twiml")!).Root!.Element("Dial")!.Element("Number")!.Value);
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(edge, EdgeApi.TransferPath, new TransferRequest("CA-bad", "+12125550123")), 400);
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(edge, EdgeApi.TransferPath, new TransferRequest(sid, "tel:911")), 400);
        Assert.Single(twilio.Requests("UpdateCall"));
        Assert.Empty(twilio.Violations);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HangUp_LiveTwilioCall_CompletedThroughRestApi(string provider)
    {
        var (twilio, account) = await FakeTwilio.StartAsync();
        await using var fake = twilio;
        await using var app = await FunctionsApp.StartAsync(provider, postgres, account);
        var sid = await PlaceLiveCallAsync(app);
        using var edge = app.Client(FunctionsApp.EdgeKey);
        using var anonymous = app.Client(null);

        using var response = await HttpJson.PostAsync(edge, EdgeApi.HangUpPath, new HangUpRequest(sid));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("completed", (await HttpJson.ReadAsync(response)).GetProperty("status").GetString());
        Assert.Equal("completed", Assert.Single(twilio.Requests("UpdateCall")).FormValue("Status"));
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(edge, EdgeApi.HangUpPath, new HangUpRequest("CA-bad")), 400);
        await HttpJson.ProblemAsync(await HttpJson.SendAsync(edge, HttpMethod.Post, EdgeApi.HangUpPath, "{\"twilioCallSid\":"), 400);
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(anonymous, EdgeApi.HangUpPath, new HangUpRequest(sid)), 401);
        Assert.Single(twilio.Requests("UpdateCall"));

        // A call Twilio does not know: its refusal passes on as a problem, not a success.
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(edge, EdgeApi.HangUpPath, new HangUpRequest("CA" + new string('0', 32))), 422);
        Assert.Empty(twilio.Violations);
    }

    /// <summary>A tenant with a number places an outbound call through the API; returns its Twilio CallSid.</summary>
    private static async Task<string> PlaceLiveCallAsync(FunctionsApp app)
    {
        var (tenant, key) = await app.CreateTenantAsync("acme");
        var agent = await Seed.AgentAsync(app, tenant);
        using var api = app.Client(key);
        Assert.Equal(HttpStatusCode.Created, (await HttpJson.PostAsync(api, "/v1/numbers", new { phoneNumber = "+14155550100", agentId = agent.Definition.AgentId }, "n")).StatusCode);
        var call = await HttpJson.ReadAsync(await HttpJson.PostAsync(api, "/v1/calls", new { from = "+14155550100", to = "+16175551212" }, "c"));
        return call.GetProperty("twilioCallSid").GetString()!;
    }

    [Fact]
    public async Task CallRecord_BodyWithUtf8Transcript_RoundTrips()
    {
        await using var app = await FunctionsApp.StartAsync("sqlite", postgres);
        var (tenant, key) = await app.CreateTenantAsync("acme");
        await Seed.NumberAsync(app, tenant, "+4930901820", (await Seed.AgentAsync(app, tenant)).Definition.AgentId, NumberKinds.Sip, NumberRoutings.Sip);
        using var edge = app.Client(FunctionsApp.EdgeKey);
        var record = Seed.CallRecord("utf8", "+4930901820") with { Turns = [new TranscriptTurn(TurnRoles.Caller, "Grüß Gott, ich heiße Zoë 📞", DateTimeOffset.UtcNow)] };

        using var posted = await HttpJson.PostAsync(edge, EdgeApi.CallRecordsPath, record);
        using var api = app.Client(key);
        var id = (await HttpJson.ReadAsync(await api.GetAsync("/v1/calls"))).GetProperty("data")[0].GetProperty("id").GetString();
        var detail = await HttpJson.ReadAsync(await api.GetAsync("/v1/calls/" + id));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Equal("Grüß Gott, ich heiße Zoë 📞", detail.GetProperty("turns")[0].GetProperty("text").GetString());
    }
}

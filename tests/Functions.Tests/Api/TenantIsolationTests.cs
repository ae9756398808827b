using System.Net;
using VoiceConnector.Contracts;
using VoiceConnector.Functions.Storage;
using VoiceConnector.Functions.Tests.Infrastructure;

namespace VoiceConnector.Functions.Tests.Api;

[Collection(PostgresGroup.Name)]
public sealed class TenantIsolationTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task KeyOfTenantB_NeverSeesOrChangesTenantAData(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        var (tenantA, keyA) = await app.CreateTenantAsync("a");
        var (tenantB, keyB) = await app.CreateTenantAsync("b");
        using var a = app.Client(keyA);
        using var b = app.Client(keyB);
        var agentA = (await HttpJson.ReadAsync(await HttpJson.PostAsync(a, "/v1/agents", new { name = "A agent" }))).GetProperty("id").GetString()!;
        var agentB = (await HttpJson.ReadAsync(await HttpJson.PostAsync(b, "/v1/agents", new { name = "B agent" }))).GetProperty("id").GetString()!;
        var numberA = (await HttpJson.ReadAsync(await HttpJson.PostAsync(a, "/v1/numbers", new { kind = "sip", phoneNumber = "+4930111111", agentId = agentA }))).GetProperty("id").GetString()!;
        using var edge = app.Client(FunctionsApp.EdgeKey);
        Assert.Equal(HttpStatusCode.OK, (await HttpJson.PostAsync(edge, EdgeApi.CallRecordsPath, Seed.CallRecord("call-a", "+4930111111"))).StatusCode);
        var callA = (await HttpJson.ReadAsync(await a.GetAsync("/v1/calls"))).GetProperty("data")[0].GetProperty("id").GetString()!;

        // B sees none of A's resources, in lists or by id.
        var bAgents = (await HttpJson.ReadAsync(await b.GetAsync("/v1/agents"))).GetProperty("data").EnumerateArray().Select(x => x.GetProperty("id").GetString());
        Assert.Equal([agentB], bAgents);
        Assert.Empty((await HttpJson.ReadAsync(await b.GetAsync("/v1/numbers"))).GetProperty("data").EnumerateArray());
        Assert.Empty((await HttpJson.ReadAsync(await b.GetAsync("/v1/calls"))).GetProperty("data").EnumerateArray());
        await HttpJson.ProblemAsync(await b.GetAsync("/v1/agents/" + agentA), 404);
        await HttpJson.ProblemAsync(await b.GetAsync("/v1/numbers/" + numberA), 404);
        await HttpJson.ProblemAsync(await b.GetAsync("/v1/calls/" + callA), 404);

        // B changes none of them, and cannot point its own or A's number at A's agent.
        await HttpJson.ProblemAsync(await HttpJson.SendAsync(b, HttpMethod.Put, "/v1/agents/" + agentA, """{"name":"hijacked"}"""), 404);
        await HttpJson.ProblemAsync(await b.DeleteAsync("/v1/agents/" + agentA), 404);
        await HttpJson.ProblemAsync(await HttpJson.SendAsync(b, HttpMethod.Patch, "/v1/numbers/" + numberA, $$"""{"agentId":"{{agentB}}"}"""), 404);
        await HttpJson.ProblemAsync(await b.DeleteAsync("/v1/numbers/" + numberA), 404);
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(b, "/v1/numbers", new { kind = "sip", phoneNumber = "+4930222222", agentId = agentA }), 400);
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(b, "/v1/numbers", new { kind = "sip", phoneNumber = "+4930111111", agentId = agentB }), 409);

        var agentStillA = await app.Service<AgentStore>().GetAsync(tenantA, agentA, CancellationToken.None);
        Assert.Equal("A agent", agentStillA?.Definition.Name);
        var numberStillA = await app.Service<NumberStore>().GetAsync(tenantA, numberA, CancellationToken.None);
        Assert.Equal(agentA, numberStillA?.AgentId);
        Assert.Empty(await app.Service<NumberStore>().ListAsync(tenantB, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task IdempotencyKeys_AreScopedPerTenant(string provider)
    {
        var (twilio, account) = await FakeTwilio.StartAsync();
        await using var fake = twilio;
        await using var app = await FunctionsApp.StartAsync(provider, postgres, account);
        var (_, keyA) = await app.CreateTenantAsync("a");
        var (_, keyB) = await app.CreateTenantAsync("b");
        using var a = app.Client(keyA);
        using var b = app.Client(keyB);

        using var boughtA = await HttpJson.PostAsync(a, "/v1/numbers", new { phoneNumber = "+14155550100" }, "same-key");
        using var boughtB = await HttpJson.PostAsync(b, "/v1/numbers", new { phoneNumber = "+14155550101" }, "same-key");

        Assert.Equal(HttpStatusCode.Created, boughtA.StatusCode);
        Assert.Equal(HttpStatusCode.Created, boughtB.StatusCode);
        Assert.Equal("+14155550101", (await HttpJson.ReadAsync(boughtB)).GetProperty("phoneNumber").GetString());
        Assert.Equal(2, twilio.State.Numbers.Count);
    }
}

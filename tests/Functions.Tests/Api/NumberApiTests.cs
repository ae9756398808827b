using System.Net;
using VoiceConnector.Functions.Storage;
using VoiceConnector.Functions.Tests.Infrastructure;
using VoiceConnector.TwilioFake;

namespace VoiceConnector.Functions.Tests.Api;

[Collection(PostgresGroup.Name)]
public sealed class NumberApiTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BuyNumber_WithAgent_BuysAtTwilioWithOurWebhooksAndStoresIt(string provider)
    {
        var (twilio, account) = await FakeTwilio.StartAsync();
        await using var fake = twilio;
        await using var app = await FunctionsApp.StartAsync(provider, postgres, account);
        var (tenant, key) = await app.CreateTenantAsync("acme");
        var agent = await Seed.AgentAsync(app, tenant);
        using var client = app.Client(key);

        using var response = await HttpJson.PostAsync(client, "/v1/numbers", new { areaCode = 415, agentId = agent.Definition.AgentId }, "buy-1");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = await HttpJson.ReadAsync(response);
        var bought = Assert.Single(twilio.State.Numbers);
        Assert.Equal(bought.PhoneNumber, number.GetProperty("phoneNumber").GetString());
        Assert.Equal(bought.Sid, number.GetProperty("twilioSid").GetString());
        Assert.StartsWith("+1415", bought.PhoneNumber, StringComparison.Ordinal);
        Assert.Equal(app.PublicBaseUrl + "/twilio/voice", bought.VoiceUrl);
        Assert.Equal(app.PublicBaseUrl + "/twilio/status", bought.StatusCallback);
        Assert.Empty(twilio.Violations);
        var route = await app.Service<NumberStore>().FindRouteAsync(bought.PhoneNumber, CancellationToken.None);
        Assert.Equal(agent.Definition.AgentId, route?.Agent?.Definition.AgentId);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BuyNumber_ConcurrentRetriesOfOneKey_BuyExactlyOneAndAnswerTheSame(string provider)
    {
        var (twilio, account) = await FakeTwilio.StartAsync();
        await using var fake = twilio;
        await using var app = await FunctionsApp.StartAsync(provider, postgres, account);
        var (_, key) = await app.CreateTenantAsync("acme");
        using var client = app.Client(key);

        var attempts = Enumerable.Range(0, 8)
            .Select(_ => HttpJson.PostAsync(client, "/v1/numbers", new { phoneNumber = "+14155550103" }, "purchase-42"))
            .ToList();
        var responses = await Task.WhenAll(attempts);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.True(bodies.Distinct().Count() == 1, string.Join("\n", bodies));
        Assert.Single(twilio.Requests("CreateIncomingPhoneNumber"));
        Assert.Single(twilio.State.Numbers);
        var later = await HttpJson.PostAsync(client, "/v1/numbers", new { phoneNumber = "+14155550103" }, "purchase-42");
        Assert.Equal(HttpStatusCode.Created, later.StatusCode);
        Assert.Equal("true", later.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(bodies[0], await later.Content.ReadAsStringAsync());
        Assert.Single(twilio.Requests("CreateIncomingPhoneNumber"));
        Assert.Single((await HttpJson.ReadAsync(await client.GetAsync("/v1/numbers"))).GetProperty("data").EnumerateArray());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BuyNumber_KeyReusedForOtherRequestOrMissing_RefusedWithoutBuying(string provider)
    {
        var (twilio, account) = await FakeTwilio.StartAsync();
        await using var fake = twilio;
        await using var app = await FunctionsApp.StartAsync(provider, postgres, account);
        var (_, key) = await app.CreateTenantAsync("acme");
        using var client = app.Client(key);
        Assert.Equal(HttpStatusCode.Created, (await HttpJson.PostAsync(client, "/v1/numbers", new { phoneNumber = "+14155550100" }, "k1")).StatusCode);

        await HttpJson.ProblemAsync(await HttpJson.PostAsync(client, "/v1/numbers", new { phoneNumber = "+14155550101" }, "k1"), 422);
        var missing = await HttpJson.ProblemAsync(await HttpJson.PostAsync(client, "/v1/numbers", new { phoneNumber = "+14155550101" }), 400);
        Assert.True(missing.GetProperty("errors").TryGetProperty("Idempotency-Key", out _));

        Assert.Single(twilio.Requests("CreateIncomingPhoneNumber"));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BuyNumber_BadE164OrUnknownAgentOrBadJson_ProblemNothingBoughtNothingStored(string provider)
    {
        var (twilio, account) = await FakeTwilio.StartAsync();
        await using var fake = twilio;
        await using var app = await FunctionsApp.StartAsync(provider, postgres, account);
        var (tenant, key) = await app.CreateTenantAsync("acme");
        using var client = app.Client(key);

        var badNumber = await HttpJson.ProblemAsync(await HttpJson.PostAsync(client, "/v1/numbers", new { phoneNumber = "415-555-0100" }, "a"), 400);
        Assert.True(badNumber.GetProperty("errors").TryGetProperty("phoneNumber", out _));
        var badAgent = await HttpJson.ProblemAsync(await HttpJson.PostAsync(client, "/v1/numbers", new { phoneNumber = "+14155550100", agentId = "agt_nope" }, "b"), 400);
        Assert.True(badAgent.GetProperty("errors").TryGetProperty("agentId", out _));
        await HttpJson.ProblemAsync(await HttpJson.SendAsync(client, HttpMethod.Post, "/v1/numbers", """{"phoneNumber": +1415}""", "c"), 400);
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(client, "/v1/numbers", new { kind = "fax", phoneNumber = "+14155550100" }, "d"), 400);

        Assert.Empty(twilio.Requests("CreateIncomingPhoneNumber"));
        Assert.Empty(await app.Service<NumberStore>().ListAsync(tenant, CancellationToken.None));
        // The failed keys were not consumed: a correct retry with one of them works.
        Assert.Equal(HttpStatusCode.Created, (await HttpJson.PostAsync(client, "/v1/numbers", new { phoneNumber = "+14155550100" }, "a")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BuyNumber_TwilioRefuses_ProblemAndKeyFreedForRetry(string provider)
    {
        var (twilio, account) = await FakeTwilio.StartAsync();
        await using var fake = twilio;
        await using var app = await FunctionsApp.StartAsync(provider, postgres, account);
        var (tenant, key) = await app.CreateTenantAsync("acme");
        using var client = app.Client(key);
        twilio.Faults.Add(FakeFault.TwilioError(400, 21422, "Phone number is not available", "CreateIncomingPhoneNumber"));

        var problem = await HttpJson.ProblemAsync(await HttpJson.PostAsync(client, "/v1/numbers", new { phoneNumber = "+14155550100" }, "retry-me"), 422);
        Assert.Contains("21422", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await app.Service<NumberStore>().ListAsync(tenant, CancellationToken.None));

        Assert.Equal(HttpStatusCode.Created, (await HttpJson.PostAsync(client, "/v1/numbers", new { phoneNumber = "+14155550100" }, "retry-me")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Numbers_SearchAttachSipReassignRelease_Work(string provider)
    {
        var (twilio, account) = await FakeTwilio.StartAsync();
        await using var fake = twilio;
        await using var app = await FunctionsApp.StartAsync(provider, postgres, account);
        var (tenant, key) = await app.CreateTenantAsync("acme");
        var first = await Seed.AgentAsync(app, tenant, "first");
        var second = await Seed.AgentAsync(app, tenant, "second");
        using var client = app.Client(key);

        var found = await HttpJson.ReadAsync(await client.GetAsync("/v1/numbers/available?country=US&areaCode=212&limit=5"));
        Assert.All(found.GetProperty("data").EnumerateArray(), n => Assert.StartsWith("+1212", n.GetProperty("phoneNumber").GetString(), StringComparison.Ordinal));
        Assert.NotEmpty(found.GetProperty("data").EnumerateArray());
        await HttpJson.ProblemAsync(await client.GetAsync("/v1/numbers/available?country=usa"), 400);

        using var sip = await HttpJson.PostAsync(client, "/v1/numbers", new { kind = "sip", phoneNumber = "+4930901820", agentId = first.Definition.AgentId });
        Assert.Equal(HttpStatusCode.Created, sip.StatusCode);
        var sipNumber = await HttpJson.ReadAsync(sip);
        Assert.Equal("sip", sipNumber.GetProperty("routing").GetString());
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(client, "/v1/numbers", new { kind = "sip", phoneNumber = "+4930901820" }), 409);
        var sipId = sipNumber.GetProperty("id").GetString();
        using var reassigned = await HttpJson.SendAsync(client, HttpMethod.Patch, "/v1/numbers/" + sipId, $$"""{"agentId":"{{second.Definition.AgentId}}"}""");
        Assert.Equal(second.Definition.AgentId, (await HttpJson.ReadAsync(reassigned)).GetProperty("agentId").GetString());
        await HttpJson.ProblemAsync(await HttpJson.SendAsync(client, HttpMethod.Patch, "/v1/numbers/" + sipId, """{"agentId":"agt_unknown"}"""), 400);

        var bought = await HttpJson.ReadAsync(await HttpJson.PostAsync(client, "/v1/numbers", new { phoneNumber = "+12125550100" }, "buy"));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1/numbers/" + bought.GetProperty("id").GetString())).StatusCode);
        Assert.Empty(twilio.State.Numbers);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1/numbers/" + sipId)).StatusCode);
        Assert.Single(twilio.Requests("DeleteIncomingPhoneNumber"));
        Assert.Empty(await app.Service<NumberStore>().ListAsync(tenant, CancellationToken.None));
        Assert.Empty(twilio.Violations);
    }
}

using System.Net;
using System.Text;
using VoiceConnector.Functions.Storage;
using VoiceConnector.Functions.Tests.Infrastructure;

namespace VoiceConnector.Functions.Tests.Api;

[Collection(PostgresGroup.Name)]
public sealed class AgentApiTests(PostgresServer postgres)
{
    private static readonly object ValidAgent = new
    {
        name = "Front desk",
        systemPrompt = "You answer for Acme.",
        greeting = "Hello, Acme here.",
        voice = "slt",
        language = "en-US",
        tools = new[] { "hang_up", "transfer" },
        timings = new { endOfTurnSilenceMs = 600, bargeInMinSpeechMs = 200, idleRepromptMs = 7000, maxIdleReprompts = 1, maxCallSeconds = 600 },
    };

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Agents_CreateGetListReplaceDelete_RoundTrips(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        var (_, key) = await app.CreateTenantAsync("acme");
        using var client = app.Client(key);

        using var created = await HttpJson.PostAsync(client, "/v1/agents", ValidAgent);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var agent = await HttpJson.ReadAsync(created);
        var id = agent.GetProperty("id").GetString()!;
        Assert.Equal("/v1/agents/" + id, created.Headers.Location?.ToString());
        Assert.Equal(600, agent.GetProperty("timings").GetProperty("endOfTurnSilenceMs").GetInt32());

        var read = await HttpJson.ReadAsync(await client.GetAsync("/v1/agents/" + id));
        Assert.Equal("Hello, Acme here.", read.GetProperty("greeting").GetString());
        Assert.Equal(["hang_up", "transfer"], read.GetProperty("tools").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(7000, read.GetProperty("timings").GetProperty("idleRepromptMs").GetInt32());

        using var replaced = await HttpJson.SendAsync(client, HttpMethod.Put, "/v1/agents/" + id, """{"name":"Night desk","greeting":"Evening."}""");
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var list = await HttpJson.ReadAsync(await client.GetAsync("/v1/agents"));
        var only = Assert.Single(list.GetProperty("data").EnumerateArray());
        Assert.Equal("Night desk", only.GetProperty("name").GetString());
        Assert.Empty(only.GetProperty("tools").EnumerateArray());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync("/v1/agents/" + id)).StatusCode);
        await HttpJson.ProblemAsync(await client.GetAsync("/v1/agents/" + id), 404);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CreateAgent_InvalidFields_ProblemPerFieldAndNothingStored(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        var (tenant, key) = await app.CreateTenantAsync("acme");
        using var client = app.Client(key);

        using var response = await HttpJson.PostAsync(client, "/v1/agents", new
        {
            name = "",
            language = "english please",
            tools = new[] { "launch_rockets" },
            timings = new { endOfTurnSilenceMs = 5, maxCallSeconds = 1_000_000 },
        });

        var problem = await HttpJson.ProblemAsync(response, 400);
        var errors = problem.GetProperty("errors");
        foreach (var field in new[] { "name", "language", "tools", "timings.endOfTurnSilenceMs", "timings.maxCallSeconds" })
        {
            Assert.True(errors.TryGetProperty(field, out _), "no error for " + field);
        }

        Assert.Empty(await app.Service<AgentStore>().ListAsync(tenant, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CreateAgent_MalformedOrOversizeOrWrongType_ProblemAndNothingStored(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres, overrides: new Dictionary<string, string?> { ["Functions:MaxApiBodyBytes"] = "2048" });
        var (tenant, key) = await app.CreateTenantAsync("acme");
        using var client = app.Client(key);

        await HttpJson.ProblemAsync(await HttpJson.SendAsync(client, HttpMethod.Post, "/v1/agents", """{"name": "x", """), 400);
        await HttpJson.ProblemAsync(await HttpJson.SendAsync(client, HttpMethod.Post, "/v1/agents", """{"name": 42}"""), 400);
        await HttpJson.ProblemAsync(await HttpJson.SendAsync(client, HttpMethod.Post, "/v1/agents", "null"), 400);
        var huge = """{"name":"x","systemPrompt":""" + "\"" + new string('a', 4096) + "\"}";
        await HttpJson.ProblemAsync(await HttpJson.SendAsync(client, HttpMethod.Post, "/v1/agents", huge), 413);
        using (var chunked = new HttpRequestMessage(HttpMethod.Post, "/v1/agents") { Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge))) })
        {
            chunked.Content.Headers.ContentType = new("application/json");
            await HttpJson.ProblemAsync(await client.SendAsync(chunked), 413);
        }

        using var form = new StringContent("name=x", Encoding.UTF8, "application/x-www-form-urlencoded");
        await HttpJson.ProblemAsync(await client.PostAsync("/v1/agents", form), 415);

        Assert.Empty(await app.Service<AgentStore>().ListAsync(tenant, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Api_MissingOrUnknownKey_Unauthorized(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        await app.CreateTenantAsync("acme");

        using var anonymous = app.Client(null);
        await HttpJson.ProblemAsync(await anonymous.GetAsync("/v1/agents"), 401);
        await HttpJson.ProblemAsync(await HttpJson.PostAsync(anonymous, "/v1/agents", ValidAgent), 401);
        using var forged = app.Client(ApiKeyHasher.NewKey());
        await HttpJson.ProblemAsync(await forged.GetAsync("/v1/agents"), 401);
        await HttpJson.ProblemAsync(await forged.GetAsync("/v1/calls"), 401);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DeleteAgent_NumberPointsAtIt_ConflictAndAgentKept(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        var (tenant, key) = await app.CreateTenantAsync("acme");
        using var client = app.Client(key);
        var agent = await HttpJson.ReadAsync(await HttpJson.PostAsync(client, "/v1/agents", ValidAgent));
        var id = agent.GetProperty("id").GetString()!;
        using var attached = await HttpJson.PostAsync(client, "/v1/numbers", new { kind = "sip", phoneNumber = "+4930123456", agentId = id });
        Assert.Equal(HttpStatusCode.Created, attached.StatusCode);

        await HttpJson.ProblemAsync(await client.DeleteAsync("/v1/agents/" + id), 409);

        Assert.NotNull(await app.Service<AgentStore>().GetAsync(tenant, id, CancellationToken.None));
    }
}

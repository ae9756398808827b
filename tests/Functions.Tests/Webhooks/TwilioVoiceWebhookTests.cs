using VoiceConnector.Functions.Configuration;
using System.Net;
using System.Xml.Linq;
using VoiceConnector.Contracts.Twilio;
using VoiceConnector.Functions.Storage;
using VoiceConnector.Functions.Tests.Infrastructure;

namespace VoiceConnector.Functions.Tests.Webhooks;

[Collection(PostgresGroup.Name)]
public sealed class TwilioVoiceWebhookTests(PostgresServer postgres)
{
    private const string CallSid = "CA0123456789abcdef0123456789abcdef";
    private const string Caller = "+16175551212";
    private static string Token => TwilioAccount.Unreachable.AuthToken;

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Voice_SignedCallToStreamNumber_ConnectsStreamWithAgentParameters(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        var (tenant, _) = await app.CreateTenantAsync("acme");
        var agent = await Seed.AgentAsync(app, tenant);
        await Seed.NumberAsync(app, tenant, "+14155550100", agent.Definition.AgentId);
        using var client = app.Client(null);

        using var response = await SignedWebhooks.PostSignedAsync(
            client, Token, app.PublicBaseUrl, "/twilio/voice", SignedWebhooks.InboundCall(CallSid, Caller, "+14155550100"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        var twiml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var stream = twiml.Root!.Element("Connect")!.Element("Stream")!;
        Assert.Equal(FunctionsApp.MediaStreamUrl, stream.Attribute("url")!.Value);
        var parameters = stream.Elements("Parameter").ToDictionary(p => p.Attribute("name")!.Value, p => p.Attribute("value")!.Value);
        Assert.Equal(agent.Definition.AgentId, parameters["agentId"]);
        Assert.Equal(tenant, parameters["tenantId"]);
        Assert.Equal("+14155550100", parameters["to"]);
        Assert.Equal(Caller, parameters["from"]);
        Assert.Equal("inbound", parameters["direction"]);
        Assert.Equal("+14155550100", parameters["To"]);
        Assert.Equal(Caller, parameters["From"]);
        Assert.Equal(["Connect", "Say", "Hangup"], twiml.Root.Elements().Select(e => e.Name.LocalName));
        Assert.Equal(new EdgeOptions().StreamFailureMessage, twiml.Root.Element("Say")!.Value);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Voice_NumberRoutedOverSip_DialsEdgeSipUriWithNumber(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        var (tenant, _) = await app.CreateTenantAsync("acme");
        var agent = await Seed.AgentAsync(app, tenant);
        await Seed.NumberAsync(app, tenant, "+14155550101", agent.Definition.AgentId, NumberKinds.Twilio, NumberRoutings.Sip);
        using var client = app.Client(null);

        using var response = await SignedWebhooks.PostSignedAsync(
            client, Token, app.PublicBaseUrl, "/twilio/voice", SignedWebhooks.InboundCall(CallSid, Caller, "+14155550101"));

        var twiml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var dial = twiml.Root!.Element("Dial")!;
        Assert.Equal("sip:+14155550101@edge.example.com;transport=tcp", dial.Element("Sip")!.Value);
        Assert.Equal("true", dial.Attribute("answerOnBridge")!.Value);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Voice_NumberWithoutAgentOrUnknown_SaysFallbackAndHangsUp(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        var (tenant, _) = await app.CreateTenantAsync("acme");
        await Seed.NumberAsync(app, tenant, "+14155550102", agentId: null);
        using var client = app.Client(null);

        foreach (var to in new[] { "+14155550102", "+14155559999" })
        {
            using var response = await SignedWebhooks.PostSignedAsync(client, Token, app.PublicBaseUrl, "/twilio/voice", SignedWebhooks.InboundCall(CallSid, Caller, to));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var verbs = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements().Select(e => e.Name.LocalName);
            Assert.Equal(["Say", "Hangup"], verbs);
        }
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Voice_EdgeNotConfigured_SaysFallbackAndHangsUp(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres, overrides: new Dictionary<string, string?> { ["Edge:MediaStreamUrl"] = null });
        var (tenant, _) = await app.CreateTenantAsync("acme");
        var agent = await Seed.AgentAsync(app, tenant);
        await Seed.NumberAsync(app, tenant, "+14155550100", agent.Definition.AgentId);
        using var client = app.Client(null);

        using var response = await SignedWebhooks.PostSignedAsync(
            client, Token, app.PublicBaseUrl, "/twilio/voice", SignedWebhooks.InboundCall(CallSid, Caller, "+14155550100"));

        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Contains("cannot take your call", root.Element("Say")!.Value, StringComparison.Ordinal);
        Assert.NotNull(root.Element("Hangup"));
    }

    [Fact]
    public async Task Voice_EdgeHealthUrlDown_SaysFallback()
    {
        await using var app = await FunctionsApp.StartAsync("sqlite", postgres, overrides: new Dictionary<string, string?> { ["Edge:HealthUrl"] = "http://127.0.0.1:9/health" });
        var (tenant, _) = await app.CreateTenantAsync("acme");
        await Seed.NumberAsync(app, tenant, "+14155550100", (await Seed.AgentAsync(app, tenant)).Definition.AgentId);
        using var client = app.Client(null);

        using var response = await SignedWebhooks.PostSignedAsync(client, Token, app.PublicBaseUrl, "/twilio/voice", SignedWebhooks.InboundCall(CallSid, Caller, "+14155550100"));

        Assert.Equal(["Say", "Hangup"], XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task Voice_EdgeHealthUrlUp_ConnectsStream()
    {
        await using var edge = await HealthyEdge.StartAsync();
        await using var app = await FunctionsApp.StartAsync("sqlite", postgres, overrides: new Dictionary<string, string?> { ["Edge:HealthUrl"] = edge.HealthUrl.ToString() });
        var (tenant, _) = await app.CreateTenantAsync("acme");
        await Seed.NumberAsync(app, tenant, "+14155550100", (await Seed.AgentAsync(app, tenant)).Definition.AgentId);
        using var client = app.Client(null);

        using var response = await SignedWebhooks.PostSignedAsync(client, Token, app.PublicBaseUrl, "/twilio/voice", SignedWebhooks.InboundCall(CallSid, Caller, "+14155550100"));

        Assert.NotNull(XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("Connect"));
        Assert.Equal(1, edge.Probes);
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Voice_StorageBroken_SaysFallbackInsteadOfFailing(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        await using (var connection = await app.Service<Database>().OpenAsync(CancellationToken.None))
        {
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TABLE numbers;";
            await drop.ExecuteNonQueryAsync();
        }

        using var client = app.Client(null);
        using var response = await SignedWebhooks.PostSignedAsync(client, Token, app.PublicBaseUrl, "/twilio/voice", SignedWebhooks.InboundCall(CallSid, Caller, "+14155550100"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Say", "Hangup"], XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public async Task Voice_BadMissingOrWrongUrlSignature_Forbidden()
    {
        await using var app = await FunctionsApp.StartAsync("sqlite", postgres);
        using var client = app.Client(null);
        var form = SignedWebhooks.InboundCall(CallSid, Caller, "+14155550100");
        var signer = new TwilioSignature(Token);

        await HttpJson.ProblemAsync(await SignedWebhooks.PostAsync(client, app.PublicBaseUrl, "/twilio/voice", form, null), 403);
        await HttpJson.ProblemAsync(await SignedWebhooks.PostAsync(client, app.PublicBaseUrl, "/twilio/voice", form, "RSOYDt4T1cUTdK1PDd93/VVr8B8="), 403);
        var wrongUrl = signer.Compute("https://attacker.example.com/twilio/voice", form);
        await HttpJson.ProblemAsync(await SignedWebhooks.PostAsync(client, app.PublicBaseUrl, "/twilio/voice", form, wrongUrl), 403);
        var wrongToken = new TwilioSignature("ffffffffffffffffffffffffffffffff").Compute(app.PublicBaseUrl + "/twilio/voice", form);
        await HttpJson.ProblemAsync(await SignedWebhooks.PostAsync(client, app.PublicBaseUrl, "/twilio/voice", form, wrongToken), 403);
        var tampered = signer.Compute(app.PublicBaseUrl + "/twilio/voice", form);
        var changedForm = form.Select(p => p.Key == "To" ? new KeyValuePair<string, string>("To", "+14155550199") : p).ToList();
        await HttpJson.ProblemAsync(await SignedWebhooks.PostAsync(client, app.PublicBaseUrl, "/twilio/voice", changedForm, tampered), 403);
    }

    [Fact]
    public async Task Voice_SignedWithQueryString_ValidatesAgainstRawQuery()
    {
        await using var app = await FunctionsApp.StartAsync("sqlite", postgres);
        var (tenant, _) = await app.CreateTenantAsync("acme");
        var agent = await Seed.AgentAsync(app, tenant);
        await Seed.NumberAsync(app, tenant, "+14155550100", agent.Definition.AgentId);
        using var client = app.Client(null);
        var form = SignedWebhooks.InboundCall(CallSid, Caller, "+14155550100");
        const string Path = "/twilio/voice?attempt=1&note=a%20b";
        var signature = new TwilioSignature(Token).Compute(app.PublicBaseUrl + Path, form);

        using var response = await SignedWebhooks.PostAsync(client, app.PublicBaseUrl, Path, form, signature);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<Stream", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

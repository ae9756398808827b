using System.Net;
using System.Xml.Linq;
using VoiceConnector.Functions.Tests.Infrastructure;

namespace VoiceConnector.Functions.Tests.Webhooks;

[Collection(PostgresGroup.Name)]
public sealed class InboundCallFlowTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task InboundCall_ToBoughtNumber_TwilioGetsStreamTwimlFromTheConfiguredVoiceUrl(string provider)
    {
        var (twilio, account) = await FakeTwilio.StartAsync();
        await using var fake = twilio;
        await using var app = await FunctionsApp.StartAsync(provider, postgres, account, onKestrel: true);
        var (tenant, key) = await app.CreateTenantAsync("acme");
        var agent = await Seed.AgentAsync(app, tenant);
        using var client = app.Client(key);
        var number = await HttpJson.ReadAsync(await HttpJson.PostAsync(client, "/v1/numbers", new { phoneNumber = "+14155550104", agentId = agent.Definition.AgentId }, "n"));

        var (call, response) = await twilio.Calls.PlaceInboundCallAsync(number.GetProperty("phoneNumber").GetString()!, "+16175551212", CancellationToken.None);

        using (response)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var stream = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("Connect")!.Element("Stream")!;
            Assert.Contains(stream.Elements("Parameter"), p => p.Attribute("name")!.Value == "agentId" && p.Attribute("value")!.Value == agent.Definition.AgentId);
        }

        using var completed = await twilio.Calls.SetCallStatusAsync(call.Sid, "completed", CancellationToken.None);
        Assert.Equal(HttpStatusCode.NoContent, completed!.StatusCode);
        Assert.Empty(twilio.Violations);
    }
}

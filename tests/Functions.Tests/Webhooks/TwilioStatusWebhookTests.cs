using System.Net;
using VoiceConnector.Contracts;
using VoiceConnector.Functions.Storage;
using VoiceConnector.Functions.Tests.Infrastructure;

namespace VoiceConnector.Functions.Tests.Webhooks;

[Collection(PostgresGroup.Name)]
public sealed class TwilioStatusWebhookTests(PostgresServer postgres)
{
    private const string CallSid = "CAfedcba9876543210fedcba9876543210";
    private static string Token => TwilioAccount.Unreachable.AuthToken;

    private static IReadOnlyList<KeyValuePair<string, string>> Status(string status, int sequence, int? duration = null) =>
    [
        .. SignedWebhooks.InboundCall(CallSid, "+16175551212", "+14155550100").Where(p => p.Key != "CallStatus"),
        new("CallStatus", status),
        new("SequenceNumber", sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("CallbackSource", "call-progress-events"),
        new("Timestamp", "Sat, 21 Nov 2026 10:00:42 +0000"),
        .. duration is { } d ? new[] { new KeyValuePair<string, string>("CallDuration", d.ToString(System.Globalization.CultureInfo.InvariantCulture)) } : [],
    ];

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Status_SignedCallbacks_JoinedToEdgeRecordByCallSid(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        var (tenant, key) = await app.CreateTenantAsync("acme");
        var agent = await Seed.AgentAsync(app, tenant);
        await Seed.NumberAsync(app, tenant, "+14155550100", agent.Definition.AgentId);
        using var twilio = app.Client(null);
        using var edge = app.Client(FunctionsApp.EdgeKey);

        // Callbacks may arrive before and after the edge's record, and out of order.
        Assert.Equal(HttpStatusCode.NoContent, (await SignedWebhooks.PostSignedAsync(twilio, Token, app.PublicBaseUrl, "/twilio/status", Status("in-progress", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await HttpJson.PostAsync(edge, EdgeApi.CallRecordsPath, Seed.CallRecord("MZ-stream-1", "+14155550100", CallSid))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SignedWebhooks.PostSignedAsync(twilio, Token, app.PublicBaseUrl, "/twilio/status", Status("completed", 2, 42))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await SignedWebhooks.PostSignedAsync(twilio, Token, app.PublicBaseUrl, "/twilio/status", Status("ringing", 0))).StatusCode);
        // A retried callback is stored once.
        Assert.Equal(HttpStatusCode.NoContent, (await SignedWebhooks.PostSignedAsync(twilio, Token, app.PublicBaseUrl, "/twilio/status", Status("completed", 2, 42))).StatusCode);

        using var api = app.Client(key);
        var list = await HttpJson.ReadAsync(await api.GetAsync("/v1/calls"));
        var id = Assert.Single(list.GetProperty("data").EnumerateArray()).GetProperty("id").GetString();
        var detail = await HttpJson.ReadAsync(await api.GetAsync("/v1/calls/" + id));
        var events = detail.GetProperty("statusEvents").EnumerateArray().ToList();
        Assert.Equal(["ringing", "in-progress", "completed"], events.Select(e => e.GetProperty("status").GetString()));
        Assert.Equal(42, events[2].GetProperty("callDuration").GetInt32());
    }

    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Status_BadOrMissingSignature_ForbiddenAndNothingStored(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        using var twilio = app.Client(null);

        await HttpJson.ProblemAsync(await SignedWebhooks.PostAsync(twilio, app.PublicBaseUrl, "/twilio/status", Status("completed", 0), null), 403);
        await HttpJson.ProblemAsync(await SignedWebhooks.PostAsync(twilio, app.PublicBaseUrl, "/twilio/status", Status("completed", 0), "bm90IGEgc2lnbmF0dXJlIGF0IGFsbA=="), 403);

        Assert.Empty(await app.Service<CallStore>().StatusEventsAsync(CallSid, CancellationToken.None));
    }
}

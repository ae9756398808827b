using VoiceConnector.Functions.Twilio;
using VoiceConnector.TwilioFake;

namespace VoiceConnector.Functions.Tests.Twilio.FakeServer;

public sealed class FakeTwilioWebhookTests : IAsyncLifetime, IDisposable
{
    private FakeTwilioServer server = null!;
    private WebhookReceiver receiver = null!;
    private TwilioClientUnderTest twilio = null!;

    public async Task InitializeAsync()
    {
        server = await FakeTwilioServer.StartAsync();
        receiver = await WebhookReceiver.StartAsync(server.AuthToken);
        twilio = new TwilioClientUnderTest(server);
    }

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        await server.DisposeAsync();
    }

    public void Dispose() => twilio.Dispose();

    [Fact]
    public async Task PlaceInboundCallAsync_BoughtNumber_PostsSignedVoiceWebhookAndReturnsTwiml()
    {
        await twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550100", Url("/twilio/voice"), Url("/twilio/status")), CancellationToken.None);

        var (call, response) = await server.Calls.PlaceInboundCallAsync("+14155550100", "+16175551212", CancellationToken.None);
        using (response)
        {
            Assert.Equal(WebhookReceiver.Twiml, await response.Content.ReadAsStringAsync());
        }

        var (path, form, valid) = Assert.Single(receiver.Received);
        Assert.True(valid);
        Assert.Equal("/twilio/voice", path);
        Assert.Contains(new KeyValuePair<string, string>("CallSid", call.Sid), form);
        Assert.Contains(new KeyValuePair<string, string>("Direction", "inbound"), form);
        Assert.Contains(new KeyValuePair<string, string>("CallStatus", "ringing"), form);
        Assert.Contains(new KeyValuePair<string, string>("AccountSid", server.AccountSid), form);
    }

    [Fact]
    public async Task SetCallStatusAsync_InboundCall_SendsOnlyTheCompletedCallbackToTheNumber()
    {
        await twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550100", Url("/twilio/voice"), Url("/twilio/status")), CancellationToken.None);
        var (call, response) = await server.Calls.PlaceInboundCallAsync("+14155550100", "+16175551212", CancellationToken.None);
        response.Dispose();

        var answered = await server.Calls.SetCallStatusAsync(call.Sid, "in-progress", CancellationToken.None);
        using var completed = await server.Calls.SetCallStatusAsync(call.Sid, "completed", CancellationToken.None);

        Assert.Null(answered);
        Assert.NotNull(completed);
        var status = receiver.Received.Last();
        Assert.True(status.SignatureValid);
        Assert.Equal("/twilio/status", status.Path);
        Assert.Contains(new KeyValuePair<string, string>("CallStatus", "completed"), status.Form);
        Assert.Contains(new KeyValuePair<string, string>("SequenceNumber", "0"), status.Form);
        Assert.Contains(status.Form, p => p.Key == "CallDuration");
    }

    [Fact]
    public async Task SetCallStatusAsync_OutboundCallWithAllEvents_SendsEachInSequence()
    {
        await twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550100", Url("/twilio/voice"), Url("/twilio/status")), CancellationToken.None);
        var call = await twilio.Client.CreateCallAsync(new CreateCallRequest("+16175551212", "+14155550100", "<Response/>", Url("/twilio/status")), CancellationToken.None);

        foreach (var status in new[] { "ringing", "in-progress", "completed" })
        {
            using var response = await server.Calls.SetCallStatusAsync(call.Sid, status, CancellationToken.None);
            Assert.NotNull(response);
        }

        var received = receiver.Received.ToList();
        Assert.All(received, r => Assert.True(r.SignatureValid));
        Assert.Equal(["ringing", "in-progress", "completed"], received.Select(r => r.Form.Single(p => p.Key == "CallStatus").Value));
        Assert.Equal(["0", "1", "2"], received.Select(r => r.Form.Single(p => p.Key == "SequenceNumber").Value));
        Assert.Equal("completed", (await twilio.Client.GetCallAsync(call.Sid, CancellationToken.None)).Status);
    }

    [Fact]
    public async Task Webhooks_PostAsyncWithWrongToken_IsRejectedByTheReceiver()
    {
        await using var otherAccount = await FakeTwilioServer.StartAsync();

        using var response = await otherAccount.Webhooks.PostAsync(new Uri(Url("/twilio/voice")), [new("CallSid", "CA" + new string('1', 32))], CancellationToken.None);

        Assert.Equal(System.Net.HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(Assert.Single(receiver.Received).SignatureValid);
    }

    private string Url(string path) => new Uri(receiver.BaseUrl, path).ToString();
}

using VoiceConnector.Functions.Twilio;
using VoiceConnector.TwilioFake;
using VoiceConnector.TwilioFake.State;

namespace VoiceConnector.Functions.Tests.Twilio;

public sealed class TwilioRestClientCallsTests : IAsyncLifetime, IDisposable
{
    private const string Twiml = "<Response><Say>Hello</Say></Response>";
    private const string StatusUrl = "https://functions.example.com/twilio/status";
    private FakeTwilioServer server = null!;
    private TwilioClientUnderTest twilio = null!;
    private IncomingNumber ours = null!;

    public async Task InitializeAsync()
    {
        server = await FakeTwilioServer.StartAsync();
        twilio = new TwilioClientUnderTest(server);
        ours = await twilio.Client.BuyNumberAsync(
            new BuyNumberRequest("+14155550100", "https://functions.example.com/twilio/voice", StatusUrl), CancellationToken.None);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => twilio.Dispose();

    [Fact]
    public async Task CreateCallAsync_FromOwnNumber_SendsSpecFormWithEveryStatusEvent()
    {
        var call = await twilio.Client.CreateCallAsync(new CreateCallRequest("+16175551212", ours.PhoneNumber, Twiml, StatusUrl), CancellationToken.None);

        Assert.Matches("^CA[0-9a-f]{32}$", call.Sid);
        Assert.Equal("queued", call.Status);
        Assert.Equal("+16175551212", call.To);
        Assert.Equal(ours.PhoneNumber, call.From);
        var request = server.Requests[^1];
        Assert.Equal("CreateCall", request.OperationId);
        Assert.Equal(Twiml, request.FormValue("Twiml"));
        Assert.Equal(["initiated", "ringing", "answered", "completed"], request.FormValues("StatusCallbackEvent"));
        var stored = Assert.Single(server.State.Calls);
        Assert.Equal(Twiml, stored.Twiml);
        Assert.Equal("outbound-api", stored.Direction);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task CreateCallAsync_ToSipUri_IsAccepted()
    {
        var call = await twilio.Client.CreateCallAsync(new CreateCallRequest("sip:agent@edge.example.com", ours.PhoneNumber, Twiml, StatusUrl), CancellationToken.None);

        Assert.Equal("sip:agent@edge.example.com", call.To);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task CreateCallAsync_FromNumberNotOwned_ThrowsTwilio21210()
    {
        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.CreateCallAsync(new CreateCallRequest("+16175551212", "+12125550199", Twiml, StatusUrl), CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(21210, error.ErrorCode);
        Assert.Equal("https://www.twilio.com/docs/errors/21210", error.MoreInfo);
        Assert.Empty(server.State.Calls);
    }

    [Fact]
    public async Task CreateCallAsync_TwimlOver4000Characters_ThrowsBeforeSending()
    {
        var requestsBefore = server.Requests.Count;
        var longTwiml = "<Response><Say>" + new string('a', 4000) + "</Say></Response>";

        await Assert.ThrowsAsync<ArgumentException>(() =>
            twilio.Client.CreateCallAsync(new CreateCallRequest("+16175551212", ours.PhoneNumber, longTwiml, StatusUrl), CancellationToken.None));
        Assert.Equal(requestsBefore, server.Requests.Count);
    }

    [Fact]
    public async Task GetCallAsync_AfterStatusChange_ReturnsCurrentStatus()
    {
        var call = await twilio.Client.CreateCallAsync(new CreateCallRequest("+16175551212", ours.PhoneNumber, Twiml, StatusUrl), CancellationToken.None);
        server.State.UpdateCall(call.Sid, c => c with { Status = "in-progress" });

        var fetched = await twilio.Client.GetCallAsync(call.Sid, CancellationToken.None);

        Assert.Equal("in-progress", fetched.Status);
        Assert.Equal("FetchCall", server.Requests[^1].OperationId);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task RedirectCallAsync_LiveCall_ReplacesTwiml()
    {
        var call = await twilio.Client.CreateCallAsync(new CreateCallRequest("+16175551212", ours.PhoneNumber, Twiml, StatusUrl), CancellationToken.None);
        const string transfer = "<Response><Dial><Number>+16175550000</Number></Dial></Response>";

        var redirected = await twilio.Client.RedirectCallAsync(call.Sid, transfer, CancellationToken.None);

        Assert.Equal(call.Sid, redirected.Sid);
        Assert.Equal(transfer, Assert.Single(server.State.Calls).Twiml);
        Assert.Equal(["Twiml"], server.Requests[^1].Form.Select(p => p.Key));
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task RedirectCallAsync_EndedCall_ThrowsTwilio21220()
    {
        var call = await twilio.Client.CreateCallAsync(new CreateCallRequest("+16175551212", ours.PhoneNumber, Twiml, StatusUrl), CancellationToken.None);
        await twilio.Client.EndCallAsync(call.Sid, CancellationToken.None);

        var error = await Assert.ThrowsAsync<TwilioApiException>(() => twilio.Client.RedirectCallAsync(call.Sid, Twiml, CancellationToken.None));

        Assert.Equal(21220, error.ErrorCode);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task EndCallAsync_QueuedCall_CompletesIt()
    {
        var call = await twilio.Client.CreateCallAsync(new CreateCallRequest("+16175551212", ours.PhoneNumber, Twiml, StatusUrl), CancellationToken.None);

        var ended = await twilio.Client.EndCallAsync(call.Sid, CancellationToken.None);

        Assert.Equal("completed", ended.Status);
        Assert.Equal("completed", server.Requests[^1].FormValue("Status"));
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task GetCallAsync_UnknownCall_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<TwilioApiException>(() => twilio.Client.GetCallAsync(FakeSids.New("CA"), CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(20404, error.ErrorCode);
    }

    [Fact]
    public async Task GetCallAsync_MalformedSid_ThrowsBeforeSending()
    {
        var requestsBefore = server.Requests.Count;

        await Assert.ThrowsAsync<ArgumentException>(() => twilio.Client.GetCallAsync("CA123/../../IncomingPhoneNumbers", CancellationToken.None));
        Assert.Equal(requestsBefore, server.Requests.Count);
    }
}

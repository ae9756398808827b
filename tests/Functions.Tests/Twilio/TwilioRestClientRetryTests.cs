using System.Net;
using System.Net.Sockets;
using VoiceConnector.Functions.Twilio;
using VoiceConnector.TwilioFake;

namespace VoiceConnector.Functions.Tests.Twilio;

public sealed class TwilioRestClientRetryTests : IAsyncLifetime, IDisposable
{
    private const string VoiceUrl = "https://functions.example.com/twilio/voice";
    private const string StatusUrl = "https://functions.example.com/twilio/status";
    private FakeTwilioServer server = null!;
    private TwilioClientUnderTest twilio = null!;

    public async Task InitializeAsync()
    {
        server = await FakeTwilioServer.StartAsync();
        twilio = new TwilioClientUnderTest(server);
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => twilio.Dispose();

    [Fact]
    public async Task SearchAvailableNumbersAsync_Two503s_RetriesAndSucceeds()
    {
        server.Faults.Add(FakeFault.Status(503), times: 2);

        var found = await twilio.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(AreaCode: 212), CancellationToken.None);

        Assert.Equal(2, found.Count);
        Assert.Equal([503, 503, 200], server.Requests.Select(r => r.Status));
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task SearchAvailableNumbersAsync_429WithRetryAfter_WaitsThatLongBeforeRetrying()
    {
        server.Faults.Add(FakeFault.TooManyRequests(TimeSpan.FromSeconds(1)));

        await twilio.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(AreaCode: 212), CancellationToken.None);

        var requests = server.Requests;
        Assert.Equal([429, 200], requests.Select(r => r.Status));
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromMilliseconds(950),
            $"retried after {(requests[1].ReceivedAt - requests[0].ReceivedAt).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task SearchAvailableNumbersAsync_RetryAfterLongerThanMaximum_GivesUpAt429()
    {
        server.Faults.Add(FakeFault.TooManyRequests(TimeSpan.FromSeconds(60)));

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(), CancellationToken.None));

        Assert.Equal(429, error.StatusCode);
        Assert.Equal(20429, error.ErrorCode);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task SearchAvailableNumbersAsync_503BeyondRetries_ThrowsAfterMaxRetries()
    {
        server.Faults.Add(FakeFault.Status(503), times: 10);

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(), CancellationToken.None));

        Assert.Equal(503, error.StatusCode);
        Assert.Equal(twilio.Options.MaxRetries + 1, server.Requests.Count);
    }

    [Fact]
    public async Task SearchAvailableNumbersAsync_ConnectionDropped_RetriesAndSucceeds()
    {
        server.Faults.Add(FakeFault.DropBeforeHandling());

        var found = await twilio.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(AreaCode: 212), CancellationToken.None);

        Assert.Equal(2, found.Count);
        Assert.Equal([0, 200], server.Requests.Select(r => r.Status));
    }

    [Fact]
    public async Task BuyNumberAsync_503_IsNotRetriedAndOutcomeIsUnknown()
    {
        server.Faults.Add(FakeFault.Status(503), times: 2);

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550100", VoiceUrl, StatusUrl), CancellationToken.None));

        Assert.Equal(503, error.StatusCode);
        Assert.True(error.OutcomeUnknown);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task BuyNumberAsync_429_IsNotRetried()
    {
        server.Faults.Add(FakeFault.TooManyRequests(TimeSpan.FromMilliseconds(10)));

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550100", VoiceUrl, StatusUrl), CancellationToken.None));

        Assert.Equal(429, error.StatusCode);
        Assert.False(error.OutcomeUnknown);
        Assert.Single(server.Requests);
        Assert.Empty(server.State.Numbers);
    }

    [Fact]
    public async Task BuyNumberAsync_ConnectionDroppedAfterPurchase_IsNotRetriedAndTheListingShowsTheNumber()
    {
        server.Faults.Add(FakeFault.DropAfterHandling("CreateIncomingPhoneNumber"));

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550100", VoiceUrl, StatusUrl), CancellationToken.None));

        Assert.True(error.OutcomeUnknown);
        Assert.Equal(0, error.StatusCode);
        Assert.Single(server.Requests);
        var bought = Assert.Single(await twilio.Client.ListNumbersAsync("+14155550100", CancellationToken.None));
        Assert.Equal(Assert.Single(server.State.Numbers).Sid, bought.Sid);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task CreateCallAsync_ConnectionDropped_IsNotRetried()
    {
        await twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550100", VoiceUrl, StatusUrl), CancellationToken.None);
        server.Faults.Add(FakeFault.DropBeforeHandling("CreateCall"));

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.CreateCallAsync(new CreateCallRequest("+16175551212", "+14155550100", "<Response/>", StatusUrl), CancellationToken.None));

        Assert.True(error.OutcomeUnknown);
        Assert.Single(server.Requests, r => r.OperationId == "CreateCall");
        Assert.Empty(server.State.Calls);
    }

    [Fact]
    public async Task BuyNumberAsync_ConnectionRefused_IsRetriedBecauseNothingWasSent()
    {
        using var twilio = new TwilioClientUnderTest(ClosedPortUrl(), server.AccountSid, server.AuthToken, o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550100", VoiceUrl, StatusUrl), CancellationToken.None));

        Assert.Equal(3, twilio.Handler.Attempts);
        Assert.False(error.OutcomeUnknown);
        Assert.Contains("could not connect", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReleaseNumberAsync_ConnectionDroppedAfterDelete_RetriesAndTreatsNotFoundAsDone()
    {
        var number = await twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550100", VoiceUrl, StatusUrl), CancellationToken.None);
        server.Faults.Add(FakeFault.DropAfterHandling("DeleteIncomingPhoneNumber"));

        await twilio.Client.ReleaseNumberAsync(number.Sid, CancellationToken.None);

        var deletes = server.Requests.Where(r => r.OperationId == "DeleteIncomingPhoneNumber").Select(r => r.Status);
        Assert.Equal([0, 404], deletes);
        Assert.Empty(server.State.Numbers);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task ReleaseNumberAsync_503Then204_Retries()
    {
        var number = await twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550100", VoiceUrl, StatusUrl), CancellationToken.None);
        server.Faults.Add(FakeFault.Status(503, "DeleteIncomingPhoneNumber"));

        await twilio.Client.ReleaseNumberAsync(number.Sid, CancellationToken.None);

        Assert.Equal([503, 204], server.Requests.Where(r => r.OperationId == "DeleteIncomingPhoneNumber").Select(r => r.Status));
    }

    [Fact]
    public async Task UpdateNumberWebhooksAsync_502_IsRetriedBecauseItIsIdempotent()
    {
        var number = await twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550100", VoiceUrl, StatusUrl), CancellationToken.None);
        server.Faults.Add(FakeFault.Status(502, "UpdateIncomingPhoneNumber"));

        var updated = await twilio.Client.UpdateNumberWebhooksAsync(number.Sid, "https://b.example.com/v", "https://b.example.com/s", CancellationToken.None);

        Assert.Equal("https://b.example.com/v", updated.VoiceUrl);
        Assert.Equal([502, 200], server.Requests.Where(r => r.OperationId == "UpdateIncomingPhoneNumber").Select(r => r.Status));
    }

    private static Uri ClosedPortUrl()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }
}

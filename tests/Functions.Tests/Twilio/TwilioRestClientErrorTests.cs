using VoiceConnector.Functions.Twilio;
using VoiceConnector.TwilioFake;

namespace VoiceConnector.Functions.Tests.Twilio;

public sealed class TwilioRestClientErrorTests : IAsyncLifetime
{
    private FakeTwilioServer server = null!;

    public async Task InitializeAsync() => server = await FakeTwilioServer.StartAsync();

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task SearchAvailableNumbersAsync_WrongAuthToken_ThrowsTwilio20003WithoutTheToken()
    {
        const string wrongToken = "0123456789abcdef0123456789abcdef";
        using var twilio = new TwilioClientUnderTest(server.BaseUrl, server.AccountSid, wrongToken);

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(), CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
        Assert.Equal(20003, error.ErrorCode);
        Assert.Contains("Twilio SearchAvailableNumbers failed (HTTP 401, Twilio error 20003): Authenticate", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(wrongToken, error.ToString(), StringComparison.Ordinal);
        Assert.Single(server.Requests);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task SearchAvailableNumbersAsync_Twilio21452_MapsCodeMessageAndLink()
    {
        using var twilio = new TwilioClientUnderTest(server);
        server.Faults.Add(FakeFault.TwilioError(400, 21452, "No phone numbers found"));

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(AreaCode: 415), CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(21452, error.ErrorCode);
        Assert.Equal("https://www.twilio.com/docs/errors/21452", error.MoreInfo);
        Assert.Equal(
            "Twilio SearchAvailableNumbers failed (HTTP 400, Twilio error 21452): No phone numbers found See https://www.twilio.com/docs/errors/21452",
            error.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task BuyNumberAsync_NotConfigured_ThrowsClearErrorWithoutSending()
    {
        using var twilio = new TwilioClientUnderTest(server.BaseUrl, "", "");

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550100", "https://a.example.com/v", "https://a.example.com/s"), CancellationToken.None));

        Assert.Contains("Twilio is not configured", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.StatusCode);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task GetCallAsync_LogsOfRetriesAndFailure_NeverContainTheAuthToken()
    {
        using var twilio = new TwilioClientUnderTest(server, o => o.MaxRetries = 2);
        server.Faults.Add(FakeFault.Status(503), times: 3);

        await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.GetCallAsync("CA" + new string('0', 32), CancellationToken.None));

        var credentials = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(server.AccountSid + ":" + server.AuthToken));
        Assert.Equal(3, twilio.Logger.Lines.Count);
        Assert.All(twilio.Logger.Lines, line => Assert.DoesNotContain(server.AuthToken, line, StringComparison.Ordinal));
        Assert.All(twilio.Logger.Lines, line => Assert.DoesNotContain(credentials, line, StringComparison.Ordinal));
    }
}

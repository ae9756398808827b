using VoiceConnector.Functions.Twilio;
using VoiceConnector.TwilioFake;
using VoiceConnector.TwilioFake.State;

namespace VoiceConnector.Functions.Tests.Twilio;

public sealed class TwilioRestClientNumbersTests : IAsyncLifetime, IDisposable
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
    public async Task SearchAvailableNumbersAsync_AreaCode_ReturnsOnlyThatAreaAndConforms()
    {
        var found = await twilio.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(AreaCode: 415, Limit: 3), CancellationToken.None);

        Assert.Equal(3, found.Count);
        Assert.All(found, n => Assert.StartsWith("+1415", n.PhoneNumber, StringComparison.Ordinal));
        Assert.All(found, n => Assert.True(n.Voice));
        Assert.Equal("San Francisco", found[0].Locality);
        Assert.Equal("CA", found[0].Region);
        Assert.Equal("US", found[0].IsoCountry);
        Assert.Equal("(415) 555-0100", found[0].FriendlyName);
        var request = Assert.Single(server.Requests);
        Assert.Equal("ListAvailablePhoneNumberLocal", request.OperationId);
        Assert.Contains(new KeyValuePair<string, string>("AreaCode", "415"), request.Query);
        Assert.Contains(new KeyValuePair<string, string>("PageSize", "3"), request.Query);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task SearchAvailableNumbersAsync_TollFreeWithContains_UsesTollFreeOperation()
    {
        var found = await twilio.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(Type: "TollFree", Contains: "888"), CancellationToken.None);

        Assert.Equal("+18885550100", Assert.Single(found).PhoneNumber);
        Assert.Equal("ListAvailablePhoneNumberTollFree", Assert.Single(server.Requests).OperationId);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task SearchAvailableNumbersAsync_NoMatch_ReturnsEmpty()
    {
        var found = await twilio.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(AreaCode: 999), CancellationToken.None);

        Assert.Empty(found);
        Assert.Empty(server.Violations);
    }

    [Theory]
    [InlineData("us", "Local")]
    [InlineData("US", "Shared")]
    public async Task SearchAvailableNumbersAsync_InvalidQuery_ThrowsBeforeSending(string country, string type)
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            twilio.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(country, type), CancellationToken.None));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task BuyNumberAsync_AvailableNumber_SendsExactlyTheSpecParametersAndOwnsIt()
    {
        var number = await twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550101", VoiceUrl, StatusUrl, "Support line"), CancellationToken.None);

        Assert.Matches("^PN[0-9a-f]{32}$", number.Sid);
        Assert.Equal("+14155550101", number.PhoneNumber);
        Assert.Equal(VoiceUrl, number.VoiceUrl);
        Assert.Equal(StatusUrl, number.StatusCallback);
        var request = Assert.Single(server.Requests);
        Assert.Equal("CreateIncomingPhoneNumber", request.OperationId);
        Assert.Equal(
            ["FriendlyName", "PhoneNumber", "StatusCallback", "StatusCallbackMethod", "VoiceMethod", "VoiceUrl"],
            request.Form.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal("POST", request.FormValue("VoiceMethod"));
        Assert.Equal(number.Sid, Assert.Single(server.State.Numbers).Sid);
        Assert.DoesNotContain(server.State.Available, e => e.PhoneNumber == "+14155550101");
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task BuyNumberAsync_NumberNoLongerAvailable_ThrowsTwilio21422()
    {
        await twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550101", VoiceUrl, StatusUrl), CancellationToken.None);

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550101", VoiceUrl, StatusUrl), CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Equal(21422, error.ErrorCode);
        Assert.False(error.OutcomeUnknown);
        Assert.Contains("+14155550101 is not available", error.Message, StringComparison.Ordinal);
        Assert.Single(server.State.Numbers);
        Assert.Empty(server.Violations);
    }

    [Theory]
    [InlineData("4155550101", VoiceUrl)]
    [InlineData("+14155550101", "/relative")]
    public async Task BuyNumberAsync_InvalidInput_ThrowsBeforeSending(string phoneNumber, string voiceUrl)
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            twilio.Client.BuyNumberAsync(new BuyNumberRequest(phoneNumber, voiceUrl, StatusUrl), CancellationToken.None));
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task UpdateNumberWebhooksAsync_BoughtNumber_ChangesBothUrls()
    {
        var number = await twilio.Client.BuyNumberAsync(new BuyNumberRequest("+12125550100", VoiceUrl, StatusUrl), CancellationToken.None);

        var updated = await twilio.Client.UpdateNumberWebhooksAsync(number.Sid, "https://new.example.com/voice", "https://new.example.com/status", CancellationToken.None);

        Assert.Equal("https://new.example.com/voice", updated.VoiceUrl);
        Assert.Equal("https://new.example.com/status", updated.StatusCallback);
        Assert.Equal("https://new.example.com/voice", Assert.Single(server.State.Numbers).VoiceUrl);
        Assert.Equal("UpdateIncomingPhoneNumber", server.Requests[^1].OperationId);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task ReleaseNumberAsync_BoughtNumber_ReturnsItToTheCatalogue()
    {
        var number = await twilio.Client.BuyNumberAsync(new BuyNumberRequest("+12125550100", VoiceUrl, StatusUrl), CancellationToken.None);

        await twilio.Client.ReleaseNumberAsync(number.Sid, CancellationToken.None);

        Assert.Empty(server.State.Numbers);
        Assert.Contains(server.State.Available, e => e.PhoneNumber == "+12125550100");
        Assert.Equal(204, server.Requests[^1].Status);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task ReleaseNumberAsync_UnknownSid_ThrowsNotFound()
    {
        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.ReleaseNumberAsync(FakeSids.New("PN"), CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
        Assert.Equal(20404, error.ErrorCode);
        Assert.Single(server.Requests);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task ListNumbersAsync_PhoneNumber_ReturnsOnlyThatNumber()
    {
        await twilio.Client.BuyNumberAsync(new BuyNumberRequest("+12125550100", VoiceUrl, StatusUrl), CancellationToken.None);
        await twilio.Client.BuyNumberAsync(new BuyNumberRequest("+12125550101", VoiceUrl, StatusUrl), CancellationToken.None);

        var listed = await twilio.Client.ListNumbersAsync("+12125550101", CancellationToken.None);

        Assert.Equal("+12125550101", Assert.Single(listed).PhoneNumber);
        Assert.Empty(server.Violations);
    }
}

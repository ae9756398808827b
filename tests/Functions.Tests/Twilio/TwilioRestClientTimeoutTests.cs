using VoiceConnector.Functions.Twilio;
using VoiceConnector.TwilioFake;

namespace VoiceConnector.Functions.Tests.Twilio;

public sealed class TwilioRestClientTimeoutTests : IAsyncLifetime, IDisposable
{
    private const string StatusUrl = "https://functions.example.com/twilio/status";
    private FakeTwilioServer server = null!;
    private TwilioClientUnderTest twilio = null!;

    public async Task InitializeAsync()
    {
        server = await FakeTwilioServer.StartAsync();
        twilio = new TwilioClientUnderTest(server, o => o.RequestTimeout = TimeSpan.FromSeconds(1));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => twilio.Dispose();

    [Fact]
    public async Task SearchAvailableNumbersAsync_FirstAttemptTooSlow_TimesOutAndRetries()
    {
        server.Faults.Add(FakeFault.Slow(TimeSpan.FromSeconds(5)));

        var found = await twilio.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(AreaCode: 212), CancellationToken.None);

        Assert.Equal(2, found.Count);
        Assert.Equal(2, twilio.Handler.Attempts);
        Assert.Contains(twilio.Logger.Lines, l => l.Contains("no answer within 1 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CreateCallAsync_TooSlow_TimesOutWithoutRetryAndOutcomeUnknown()
    {
        await twilio.Client.BuyNumberAsync(new BuyNumberRequest("+14155550100", "https://a.example.com/v", StatusUrl), CancellationToken.None);
        server.Faults.Add(FakeFault.Slow(TimeSpan.FromSeconds(5), "CreateCall"));

        var error = await Assert.ThrowsAsync<TwilioApiException>(() =>
            twilio.Client.CreateCallAsync(new CreateCallRequest("+16175551212", "+14155550100", "<Response/>", StatusUrl), CancellationToken.None));

        Assert.True(error.OutcomeUnknown);
        Assert.Contains("may have been carried out", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, twilio.Handler.Attempts);
    }

    [Fact]
    public async Task SearchAvailableNumbersAsync_CallerCancels_ThrowsOperationCanceledWithoutRetry()
    {
        server.Faults.Add(FakeFault.Slow(TimeSpan.FromSeconds(5)));
        using var twilioPatient = new TwilioClientUnderTest(server);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            twilioPatient.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(), cancellation.Token));

        Assert.Equal(1, twilioPatient.Handler.Attempts);
    }

    [Fact]
    public async Task SearchAvailableNumbersAsync_AlreadyCancelled_SendsNothing()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            twilio.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(), cancellation.Token));

        Assert.Empty(server.Requests);
    }
}

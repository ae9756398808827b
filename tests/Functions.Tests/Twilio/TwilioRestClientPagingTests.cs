using System.Globalization;
using VoiceConnector.Functions.Twilio;
using VoiceConnector.TwilioFake;
using VoiceConnector.TwilioFake.State;

namespace VoiceConnector.Functions.Tests.Twilio;

public sealed class TwilioRestClientPagingTests : IAsyncLifetime, IDisposable
{
    private const int Owned = 120;
    private FakeTwilioServer server = null!;
    private TwilioClientUnderTest twilio = null!;

    public async Task InitializeAsync()
    {
        var catalogue = Enumerable.Range(0, Owned)
            .Select(i => new AvailableNumberEntry("+1628555" + i.ToString("D4", CultureInfo.InvariantCulture), "Local", "US", "Oakland", "CA"))
            .ToList();
        server = await FakeTwilioServer.StartAsync(new FakeTwilioServerOptions { Catalogue = catalogue });
        twilio = new TwilioClientUnderTest(server);
        foreach (var entry in catalogue)
        {
            await twilio.Client.BuyNumberAsync(new BuyNumberRequest(entry.PhoneNumber, "https://a.example.com/v", "https://a.example.com/s"), CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => twilio.Dispose();

    [Fact]
    public async Task ListNumbersAsync_MoreThanOnePage_FollowsNextPageUriToTheEnd()
    {
        var before = server.Requests.Count;

        var listed = await twilio.Client.ListNumbersAsync(null, CancellationToken.None);

        Assert.Equal(Owned, listed.Count);
        Assert.Equal(Owned, listed.Select(n => n.Sid).Distinct().Count());
        var pages = server.Requests.Skip(before).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Equal("ListIncomingPhoneNumber", p.OperationId));
        Assert.Equal(["0", "1", "2"], pages.Select(p => p.Query.FirstOrDefault(q => q.Key == "Page").Value ?? "0"));
        Assert.Empty(server.Violations);
    }

    [Fact]
    public async Task SearchAvailableNumbersAsync_LimitReached_StopsWithoutFetchingMorePages()
    {
        foreach (var number in server.State.Numbers.Take(30))
        {
            await twilio.Client.ReleaseNumberAsync(number.Sid, CancellationToken.None);
        }

        var before = server.Requests.Count;

        var found = await twilio.Client.SearchAvailableNumbersAsync(new AvailableNumberQuery(AreaCode: 628, Limit: 10), CancellationToken.None);

        Assert.Equal(10, found.Count);
        Assert.Equal(before + 1, server.Requests.Count);
        Assert.Empty(server.Violations);
    }
}

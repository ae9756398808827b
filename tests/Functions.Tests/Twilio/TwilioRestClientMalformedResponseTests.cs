using System.Net;
using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Twilio;

namespace VoiceConnector.Functions.Tests.Twilio;

public sealed class TwilioRestClientMalformedResponseTests
{
    private const string Sid = "AC0123456789abcdef0123456789abcdef";
    private const string CallSid = "CA0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task ListNumbersAsync_NextPageOnAnotherHost_ThrowsInsteadOfFollowing()
    {
        var page = "{\"incoming_phone_numbers\": [], \"next_page_uri\": \"https://elsewhere.example.com/2010-04-01/Accounts/" + Sid + "/IncomingPhoneNumbers.json?Page=1\"}";
        using var handler = new CannedTwilioHandler((HttpStatusCode.OK, "application/json", page));

        var error = await Assert.ThrowsAsync<TwilioApiException>(() => Client(handler).ListNumbersAsync(null, CancellationToken.None));

        Assert.Contains("next_page_uri points outside", error.Message, StringComparison.Ordinal);
        Assert.Single(handler.RequestUris);
    }

    [Fact]
    public async Task ListNumbersAsync_AbsoluteNextPageOnTheApiHost_IsFollowed()
    {
        var first = "{\"incoming_phone_numbers\": [], \"next_page_uri\": \"https://api.twilio.com/2010-04-01/Accounts/" + Sid + "/IncomingPhoneNumbers.json?PageSize=50&Page=1\"}";
        using var handler = new CannedTwilioHandler(
            (HttpStatusCode.OK, "application/json", first),
            (HttpStatusCode.OK, "application/json", "{\"incoming_phone_numbers\": [], \"next_page_uri\": null}"));

        await Client(handler).ListNumbersAsync(null, CancellationToken.None);

        Assert.Equal($"https://api.twilio.com/2010-04-01/Accounts/{Sid}/IncomingPhoneNumbers.json?PageSize=50&Page=1", handler.RequestUris[1].ToString());
    }

    [Fact]
    public async Task GetCallAsync_HtmlErrorPage_ThrowsWithStatusAndNoTwilioCode()
    {
        using var handler = new CannedTwilioHandler((HttpStatusCode.BadRequest, "text/html", "<html>Bad gateway config</html>"));

        var error = await Assert.ThrowsAsync<TwilioApiException>(() => Client(handler).GetCallAsync(CallSid, CancellationToken.None));

        Assert.Equal(400, error.StatusCode);
        Assert.Null(error.ErrorCode);
        Assert.Equal("Twilio GetCall failed with HTTP 400 and no Twilio error body.", error.Message);
    }

    [Fact]
    public async Task GetCallAsync_BrokenJson_ThrowsUnreadableResponse()
    {
        using var handler = new CannedTwilioHandler((HttpStatusCode.OK, "application/json", "{\"sid\": "));

        var error = await Assert.ThrowsAsync<TwilioApiException>(() => Client(handler).GetCallAsync(CallSid, CancellationToken.None));

        Assert.StartsWith("Twilio GetCall answered with a response that does not match Twilio's API: invalid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCallAsync_CallWithoutStatus_ThrowsUnreadableResponse()
    {
        using var handler = new CannedTwilioHandler((HttpStatusCode.OK, "application/json", "{\"sid\": \"" + CallSid + "\"}"));

        var error = await Assert.ThrowsAsync<TwilioApiException>(() => Client(handler).GetCallAsync(CallSid, CancellationToken.None));

        Assert.Contains("the call has no sid or status", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetCallAsync_BaseUrlWithPathPrefix_KeepsThePrefix()
    {
        var call = "{\"sid\": \"" + CallSid + "\", \"status\": \"ringing\", \"to\": \"+1\", \"from\": \"+2\"}";
        using var handler = new CannedTwilioHandler((HttpStatusCode.OK, "application/json", call));

        await Client(handler, new Uri("https://proxy.example.com/twilio/")).GetCallAsync(CallSid, CancellationToken.None);

        Assert.Equal($"https://proxy.example.com/twilio/2010-04-01/Accounts/{Sid}/Calls/{CallSid}.json", Assert.Single(handler.RequestUris).ToString());
    }

    private static TwilioRestClient Client(HttpMessageHandler handler, Uri? baseUrl = null)
    {
        var options = new TwilioOptions { AccountSid = Sid, AuthToken = "token", MaxRetries = 0 };
        if (baseUrl is not null)
        {
            options.ApiBaseUrl = baseUrl;
        }

        return new TwilioRestClient(new HttpClient(handler, disposeHandler: false), Options.Create(options), new CapturingLogger<TwilioRestClient>(), TimeProvider.System);
    }
}

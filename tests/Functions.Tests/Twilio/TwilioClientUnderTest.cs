using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Twilio;
using VoiceConnector.TwilioFake;

namespace VoiceConnector.Functions.Tests.Twilio;

/// <summary>A <see cref="TwilioRestClient"/> pointed at a fake server, with short retry delays, counted attempts and captured logs.</summary>
public sealed class TwilioClientUnderTest : IDisposable
{
    private readonly HttpClient http;

    public TwilioClientUnderTest(FakeTwilioServer server, Action<TwilioOptions>? configure = null)
        : this(server.BaseUrl, server.AccountSid, server.AuthToken, configure)
    {
    }

    public TwilioClientUnderTest(Uri baseUrl, string accountSid, string authToken, Action<TwilioOptions>? configure = null)
    {
        Options = new TwilioOptions
        {
            AccountSid = accountSid,
            AuthToken = authToken,
            ApiBaseUrl = baseUrl,
            RequestTimeout = TimeSpan.FromSeconds(5),
            MaxRetries = 3,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
            MaxRetryDelay = TimeSpan.FromSeconds(3),
        };
        configure?.Invoke(Options);
        http = new HttpClient(Handler) { Timeout = Timeout.InfiniteTimeSpan };
        Client = new TwilioRestClient(http, Microsoft.Extensions.Options.Options.Create(Options), Logger, TimeProvider.System);
    }

    public TwilioOptions Options { get; }

    public CountingHandler Handler { get; } = new();

    public CapturingLogger<TwilioRestClient> Logger { get; } = new();

    public TwilioRestClient Client { get; }

    public void Dispose()
    {
        http.Dispose();
        Handler.Dispose();
    }
}

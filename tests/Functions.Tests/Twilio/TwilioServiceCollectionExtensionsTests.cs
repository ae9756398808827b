using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Twilio;
using VoiceConnector.TwilioFake;

namespace VoiceConnector.Functions.Tests.Twilio;

public sealed class TwilioServiceCollectionExtensionsTests
{
    private const string Sid = "AC0123456789abcdef0123456789abcdef";

    [Fact]
    public async Task AddTwilioRestClient_ConfiguredAgainstFake_ResolvesWorkingClient()
    {
        await using var server = await FakeTwilioServer.StartAsync();
        using var provider = Build(new()
        {
            ["Twilio:AccountSid"] = server.AccountSid,
            ["Twilio:AuthToken"] = server.AuthToken,
            ["Twilio:ApiBaseUrl"] = server.BaseUrl.ToString(),
        });

        var client = provider.GetRequiredService<ITwilioRestClient>();
        var found = await client.SearchAvailableNumbersAsync(new AvailableNumberQuery(AreaCode: 808), CancellationToken.None);

        Assert.Equal("+18085550100", Assert.Single(found).PhoneNumber);
        Assert.Empty(server.Violations);
    }

    [Fact]
    public void AddTwilioRestClient_Defaults_UseTwilioProduction()
    {
        using var provider = Build(new() { ["Twilio:AccountSid"] = Sid, ["Twilio:AuthToken"] = "secret" });

        var options = provider.GetRequiredService<IOptions<TwilioOptions>>().Value;

        Assert.Equal(new Uri("https://api.twilio.com"), options.ApiBaseUrl);
        Assert.True(options.IsConfigured);
    }

    [Theory]
    [InlineData("AC123", "secret", null, "AccountSid must be 'AC' followed by 32")]
    [InlineData(Sid, null, null, "must be set together")]
    [InlineData(Sid, "secret", "ftp://api.twilio.com", "ApiBaseUrl must be an absolute http(s) URL")]
    public void AddTwilioRestClient_InvalidOptions_FailValidationWithoutShowingTheToken(string sid, string? token, string? baseUrl, string expected)
    {
        var settings = new Dictionary<string, string?> { ["Twilio:AccountSid"] = sid, ["Twilio:AuthToken"] = token };
        if (baseUrl is not null)
        {
            settings["Twilio:ApiBaseUrl"] = baseUrl;
        }

        using var provider = Build(settings);

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TwilioOptions>>().Value);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTwilioRestClient_NoCredentials_IsValidButNotConfigured()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<TwilioOptions>>().Value;

        Assert.False(options.IsConfigured);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddTwilioRestClient(configuration);
        return services.BuildServiceProvider();
    }
}

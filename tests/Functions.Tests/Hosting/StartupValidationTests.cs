using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Hosting;

namespace VoiceConnector.Functions.Tests.Hosting;

public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Storage:Provider", "postgres", "Storage:ConnectionString")]
    [InlineData("Storage:Provider", "mysql", "Storage:Provider")]
    [InlineData("Edge:MediaStreamUrl", "https://edge.example.com/twilio/media", "Edge:MediaStreamUrl")]
    [InlineData("Edge:SipUri", "edge.example.com", "Edge:SipUri")]
    [InlineData("Edge:Key", "short", "Edge:Key")]
    [InlineData("Functions:PublicBaseUrl", "ftp://functions.example.com", "Functions:PublicBaseUrl")]
    public void Start_InvalidSetting_FailsNamingTheKey(string key, string value, string named)
    {
        using var services = Build(new Dictionary<string, string?> { [key] = value });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_PostgresWithoutPepper_Fails()
    {
        using var services = Build(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = "Host=127.0.0.1",
            ["ApiKeys:Pepper"] = null,
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains("ApiKeys:Pepper", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_Defaults_Valid()
    {
        using var services = Build(new Dictionary<string, string?>());

        services.GetRequiredService<IStartupValidator>().Validate();
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?> { ["ApiKeys:Pepper"] = "pepper-for-tests-0123456789" };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddFunctionsApp(configuration);
        return services.BuildServiceProvider();
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Tests.Rtp;

public sealed class RtpServiceCollectionExtensionsTests
{
    [Fact]
    public void AddEdgeRtp_Configuration_BindsOptionsAndResolvesFactory()
    {
        using var provider = Build(new() { ["Rtp:BindAddress"] = "127.0.0.1", ["Rtp:AdvertisedAddress"] = "203.0.113.10", ["Rtp:PortMin"] = "40000", ["Rtp:PortMax"] = "40099" });

        var options = provider.GetRequiredService<IOptions<RtpOptions>>().Value;
        Assert.Equal("203.0.113.10", options.AdvertisedAddress);
        Assert.Equal(50, provider.GetRequiredService<RtpPortAllocator>().Capacity);
        Assert.IsType<RtpSessionFactory>(provider.GetRequiredService<IRtpSessionFactory>());
        Assert.Same(provider.GetRequiredService<IPacingClock>(), provider.GetRequiredService<IPacingClock>());
    }

    [Fact]
    public void AddEdgeRtp_BadPortRange_FailsValidation()
    {
        using var provider = Build(new() { ["Rtp:PortMin"] = "30000", ["Rtp:PortMax"] = "20000" });
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RtpOptions>>().Value);
        Assert.Contains("PortMin", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddEdgeRtp(configuration).BuildServiceProvider();
    }
}

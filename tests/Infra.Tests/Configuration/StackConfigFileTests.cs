using VoiceConnector.Infra.Building;
using VoiceConnector.Infra.Configuration;

namespace VoiceConnector.Infra.Tests.Configuration;

public sealed class StackConfigFileTests
{
    [Fact]
    public void Parse_PlainQuotedAndSecureEntries_ReturnsConfigMapOnly()
    {
        const string yaml = """
            encryptionsalt: v1:abc
            config:
              gcp:project: my-project   # a comment
              voice-connector:rtpPortMin: "20000"
              voice-connector:domain: 'media.example.com'
              voice-connector:twilioAuthToken:
                secure: v1:AAAA
            other:
              ignored: value
            """;

        var config = StackConfigFile.Parse(yaml);

        Assert.Equal(4, config.Count);
        Assert.Equal("my-project", config["gcp:project"]);
        Assert.Equal("20000", config["voice-connector:rtpPortMin"]);
        Assert.Equal("media.example.com", config["voice-connector:domain"]);
        Assert.Equal(StackConfigFile.SecureValue, config["voice-connector:twilioAuthToken"]);
    }

    [Fact]
    public void ExampleStack_WithSecretsSet_BuildsDeploymentWithItsPorts()
    {
        var path = Path.Combine(TestStacks.RepositoryRoot(), "Pulumi.dev.yaml");
        var config = new Dictionary<string, string>(StackConfigFile.Parse(File.ReadAllText(path)), StringComparer.Ordinal);
        foreach (var key in StackConfigKeys.Secrets)
        {
            config[key] = StackConfigFile.SecureValue;
        }

        var deployment = DeploymentBuilder.Build(StackSettingsLoader.Load(config.GetValueOrDefault));

        Assert.Equal("europe-west1", deployment.Region);
        Assert.Equal(20000, deployment.Edge.RtpPortMin);
        Assert.Equal(29999, deployment.Edge.RtpPortMax);
        Assert.Equal(8, deployment.Firewalls.Single(f => f.Name == "edge-allow-sip").SourceRanges.Count);
    }

    [Fact]
    public void ExampleStack_WithoutSecrets_IsRejectedNamingEachMissingSecret()
    {
        var path = Path.Combine(TestStacks.RepositoryRoot(), "Pulumi.dev.yaml");
        var config = StackConfigFile.Parse(File.ReadAllText(path));

        var error = Assert.Throws<StackConfigurationException>(() => StackSettingsLoader.Load(config.GetValueOrDefault));

        Assert.Equal(StackConfigKeys.Secrets.Count, error.Errors.Count);
        foreach (var key in StackConfigKeys.Secrets)
        {
            Assert.Contains(error.Errors, e => e.Contains(key, StringComparison.Ordinal) && e.Contains("--secret", StringComparison.Ordinal));
        }
    }
}

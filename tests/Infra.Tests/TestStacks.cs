using VoiceConnector.Infra.Building;
using VoiceConnector.Infra.Configuration;
using VoiceConnector.Infra.Model;

namespace VoiceConnector.Infra.Tests;

/// <summary>A complete, valid stack configuration as Pulumi would hand it over, and helpers to vary it.</summary>
internal static class TestStacks
{
    public static Dictionary<string, string> ValidConfig() => new(StringComparer.Ordinal)
    {
        [StackConfigKeys.GcpProject] = "voice-test-project",
        [StackConfigKeys.GcpRegion] = "europe-west1",
        [StackConfigKeys.Domain] = "media.example.com",
        [StackConfigKeys.SipTrunkSourceRanges] = "54.172.60.0/30, 54.244.51.0/30",
        [StackConfigKeys.TwilioAccountSid] = StackConfigFile.SecureValue,
        [StackConfigKeys.TwilioAuthToken] = StackConfigFile.SecureValue,
        [StackConfigKeys.EdgeFunctionsKey] = StackConfigFile.SecureValue,
        [StackConfigKeys.ApiKeysPepper] = StackConfigFile.SecureValue,
        [StackConfigKeys.DatabasePassword] = StackConfigFile.SecureValue,
    };

    public static StackSettings Settings(Action<Dictionary<string, string>>? change = null)
    {
        var config = ValidConfig();
        change?.Invoke(config);
        return StackSettingsLoader.Load(config.GetValueOrDefault);
    }

    public static Deployment Deployment(Action<Dictionary<string, string>>? change = null) => DeploymentBuilder.Build(Settings(change));

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Serverless.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Serverless.sln not found above the test directory.");
    }
}

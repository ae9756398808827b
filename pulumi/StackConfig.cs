using Pulumi;
using VoiceConnector.Infra.Configuration;

namespace VoiceConnector.Deploy;

/// <summary>Reads the stack configuration through Pulumi's <see cref="Config"/>; secret values stay Pulumi secrets.</summary>
internal static class StackConfig
{
    public static StackSettings LoadSettings() => StackSettingsLoader.Load(Lookup);

    public static Output<string> Secret(string key)
    {
        var (ns, name) = Split(key);
        return new Config(ns).RequireSecret(name);
    }

    private static string? Lookup(string key)
    {
        var (ns, name) = Split(key);
        var config = new Config(ns);
        // Secret keys are only checked for presence here; their values are read with RequireSecret.
        return StackConfigKeys.Secrets.Contains(key)
            ? (config.GetSecret(name) is null ? null : StackConfigFile.SecureValue)
            : config.Get(name);
    }

    private static (string Namespace, string Name) Split(string key)
    {
        var separator = key.IndexOf(':', StringComparison.Ordinal);
        return (key[..separator], key[(separator + 1)..]);
    }
}

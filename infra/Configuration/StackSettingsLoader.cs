using System.Globalization;

namespace VoiceConnector.Infra.Configuration;

/// <summary>
/// Builds <see cref="StackSettings"/> from configuration values looked up by full key (<c>namespace:name</c>), so the
/// same code reads a Pulumi <c>Config</c> and a parsed <c>Pulumi.&lt;stack&gt;.yaml</c>. Every problem is collected
/// and reported at once in a <see cref="StackConfigurationException"/>.
/// </summary>
public static class StackSettingsLoader
{
    public static StackSettings Load(Func<string, string?> lookup)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        var errors = new List<string>();
        var defaults = new StackSettings
        {
            Project = string.Empty, Region = string.Empty, Domain = string.Empty,
            SipTrunkSourceRanges = [], ProvidedSecrets = new HashSet<string>(),
        };

        string Required(string key)
        {
            var value = lookup(key);
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"'{key}' is required (pulumi config set {key} <value>).");
                return string.Empty;
            }

            return value.Trim();
        }

        string Text(string key, string fallback) => lookup(key) is { } v && v.Trim().Length > 0 ? v.Trim() : fallback;

        int Integer(string key, int fallback)
        {
            var value = lookup(key);
            if (string.IsNullOrWhiteSpace(value))
            {
                return fallback;
            }

            if (int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            errors.Add($"'{key}' must be an integer, got '{value}'.");
            return fallback;
        }

        bool Boolean(string key, bool fallback)
        {
            var value = lookup(key);
            if (string.IsNullOrWhiteSpace(value))
            {
                return fallback;
            }

            if (bool.TryParse(value.Trim(), out var parsed))
            {
                return parsed;
            }

            errors.Add($"'{key}' must be true or false, got '{value}'.");
            return fallback;
        }

        IReadOnlyList<string> List(string key, IReadOnlyList<string> fallback) =>
            lookup(key) is { } v && v.Trim().Length > 0
                ? v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : fallback;

        var secrets = StackConfigKeys.Secrets.Where(k => !string.IsNullOrEmpty(lookup(k))).ToHashSet(StringComparer.Ordinal);
        foreach (var missing in StackConfigKeys.Secrets.Where(k => !secrets.Contains(k)))
        {
            errors.Add($"Secret '{missing}' has no value (pulumi config set --secret {missing} <value>).");
        }

        var settings = new StackSettings
        {
            Project = Required(StackConfigKeys.GcpProject),
            Region = Required(StackConfigKeys.GcpRegion),
            Domain = Required(StackConfigKeys.Domain),
            ImageTag = Text(StackConfigKeys.ImageTag, defaults.ImageTag),
            EdgeInstances = Integer(StackConfigKeys.EdgeInstances, defaults.EdgeInstances),
            EdgeMachineType = Text(StackConfigKeys.EdgeMachineType, defaults.EdgeMachineType),
            SipPort = Integer(StackConfigKeys.SipPort, defaults.SipPort),
            RtpPortMin = Integer(StackConfigKeys.RtpPortMin, defaults.RtpPortMin),
            RtpPortMax = Integer(StackConfigKeys.RtpPortMax, defaults.RtpPortMax),
            SipTrunkSourceRanges = List(StackConfigKeys.SipTrunkSourceRanges, []),
            RtpSourceRanges = List(StackConfigKeys.RtpSourceRanges, defaults.RtpSourceRanges),
            WhisperImage = Text(StackConfigKeys.WhisperImage, defaults.WhisperImage),
            WhisperModel = Text(StackConfigKeys.WhisperModel, defaults.WhisperModel),
            WhisperGpu = Boolean(StackConfigKeys.WhisperGpu, defaults.WhisperGpu),
            WhisperMaxInstances = Integer(StackConfigKeys.WhisperMaxInstances, defaults.WhisperMaxInstances),
            OllamaModel = Text(StackConfigKeys.OllamaModel, defaults.OllamaModel),
            OllamaMinInstances = Integer(StackConfigKeys.OllamaMinInstances, defaults.OllamaMinInstances),
            OllamaMaxInstances = Integer(StackConfigKeys.OllamaMaxInstances, defaults.OllamaMaxInstances),
            PiperVoice = Text(StackConfigKeys.PiperVoice, defaults.PiperVoice),
            PiperMaxInstances = Integer(StackConfigKeys.PiperMaxInstances, defaults.PiperMaxInstances),
            FunctionsMaxInstances = Integer(StackConfigKeys.FunctionsMaxInstances, defaults.FunctionsMaxInstances),
            DatabaseTier = Text(StackConfigKeys.DatabaseTier, defaults.DatabaseTier),
            ProvidedSecrets = secrets,
        };

        if (settings.SipTrunkSourceRanges.Count == 0)
        {
            errors.Add($"'{StackConfigKeys.SipTrunkSourceRanges}' is required: the CIDR ranges SIP trunks send from (comma-separated).");
        }

        if (errors.Count > 0)
        {
            throw new StackConfigurationException(errors);
        }

        return settings;
    }
}

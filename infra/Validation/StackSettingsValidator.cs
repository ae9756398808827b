using System.Net;
using System.Text.RegularExpressions;
using VoiceConnector.Infra.Configuration;

namespace VoiceConnector.Infra.Validation;

/// <summary>Checks the stack settings one by one; each message names the configuration key to fix.</summary>
public static partial class StackSettingsValidator
{
    public const int MaxEdgeInstances = 20;

    public static IReadOnlyList<string> Validate(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var errors = new List<string>();
        if (!ProjectId().IsMatch(settings.Project))
        {
            errors.Add($"'{StackConfigKeys.GcpProject}' = '{settings.Project}' is not a GCP project id (6-30 lowercase letters, digits, hyphens).");
        }

        if (!Region().IsMatch(settings.Region))
        {
            errors.Add($"'{StackConfigKeys.GcpRegion}' = '{settings.Region}' is not a GCP region (e.g. europe-west1).");
        }

        if (!HostName().IsMatch(settings.Domain))
        {
            errors.Add($"'{StackConfigKeys.Domain}' = '{settings.Domain}' is not a DNS host name (e.g. media.example.com).");
        }

        if (settings.ImageTag.Any(char.IsWhiteSpace) || settings.ImageTag.Contains(':', StringComparison.Ordinal))
        {
            errors.Add($"'{StackConfigKeys.ImageTag}' = '{settings.ImageTag}' is not a valid image tag.");
        }

        if (settings.EdgeInstances < 1 || settings.EdgeInstances > MaxEdgeInstances)
        {
            errors.Add($"'{StackConfigKeys.EdgeInstances}' = {settings.EdgeInstances} must be between 1 and {MaxEdgeInstances}.");
        }

        ValidatePorts(settings, errors);
        ValidateRanges(StackConfigKeys.SipTrunkSourceRanges, settings.SipTrunkSourceRanges, errors);
        ValidateRanges(StackConfigKeys.RtpSourceRanges, settings.RtpSourceRanges, errors);
        ValidateInstances(StackConfigKeys.WhisperMaxInstances, 0, settings.WhisperMaxInstances, errors);
        ValidateInstances(StackConfigKeys.OllamaMaxInstances, settings.OllamaMinInstances, settings.OllamaMaxInstances, errors);
        ValidateInstances(StackConfigKeys.PiperMaxInstances, 0, settings.PiperMaxInstances, errors);
        ValidateInstances(StackConfigKeys.FunctionsMaxInstances, 0, settings.FunctionsMaxInstances, errors);
        return errors;
    }

    private static void ValidatePorts(StackSettings settings, List<string> errors)
    {
        if (settings.SipPort is < 1 or > 65535)
        {
            errors.Add($"'{StackConfigKeys.SipPort}' = {settings.SipPort} is not a port (1-65535).");
        }

        if (settings.RtpPortMin is < 1024 or > 65535 || settings.RtpPortMax is < 1024 or > 65535)
        {
            errors.Add($"RTP port range {settings.RtpPortMin}-{settings.RtpPortMax} ('{StackConfigKeys.RtpPortMin}', '{StackConfigKeys.RtpPortMax}') must lie within 1024-65535.");
        }
        else if (settings.RtpPortMax <= settings.RtpPortMin)
        {
            errors.Add($"RTP port range is empty or inverted: '{StackConfigKeys.RtpPortMin}' = {settings.RtpPortMin} must be below '{StackConfigKeys.RtpPortMax}' = {settings.RtpPortMax}.");
        }
        else if (settings.RtpPortMin % 2 != 0)
        {
            errors.Add($"'{StackConfigKeys.RtpPortMin}' = {settings.RtpPortMin} must be even (RTP on even ports, RTCP on the next odd one).");
        }

        if (settings.SipPort >= settings.RtpPortMin && settings.SipPort <= settings.RtpPortMax)
        {
            errors.Add($"'{StackConfigKeys.SipPort}' = {settings.SipPort} lies inside the RTP range {settings.RtpPortMin}-{settings.RtpPortMax}.");
        }

        if (settings.EdgeHttpPort == settings.SipPort || (settings.EdgeHttpPort >= settings.RtpPortMin && settings.EdgeHttpPort <= settings.RtpPortMax))
        {
            errors.Add($"The edge HTTP port {settings.EdgeHttpPort} collides with the SIP port or the RTP range.");
        }
    }

    private static void ValidateRanges(string key, IReadOnlyList<string> ranges, List<string> errors)
    {
        foreach (var range in ranges)
        {
            if (!range.Contains('/', StringComparison.Ordinal) || !IPNetwork.TryParse(range, out _))
            {
                errors.Add($"'{key}' contains '{range}', which is not a CIDR range (e.g. 203.0.113.0/24).");
            }
        }
    }

    private static void ValidateInstances(string maxKey, int min, int max, List<string> errors)
    {
        if (min < 0)
        {
            errors.Add($"Minimum instances for '{maxKey}' is {min}; it cannot be negative.");
        }

        if (max < 1)
        {
            errors.Add($"'{maxKey}' = {max} must be at least 1.");
        }
        else if (min > max)
        {
            errors.Add($"Minimum instances ({min}) exceed '{maxKey}' = {max}.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$")]
    private static partial Regex ProjectId();

    [GeneratedRegex("^[a-z]+-[a-z]+[0-9]+$")]
    private static partial Regex Region();

    [GeneratedRegex(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
    private static partial Regex HostName();
}

using Microsoft.Extensions.Options;

namespace VoiceConnector.Edge.Twilio;

/// <summary>Checks <see cref="TwilioOptions"/> at start.</summary>
internal sealed class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.MediaStreamUrl)
            && (!Uri.TryCreate(options.MediaStreamUrl, UriKind.Absolute, out var url) || url.Scheme is not ("wss" or "ws")))
        {
            failures.Add("Twilio:MediaStreamUrl must be an absolute wss:// (or ws://) URL.");
        }

        Check(failures, options.MaxMessageBytes, 1024, 1024 * 1024, "MaxMessageBytes");
        Check(failures, options.PlayoutLeadMs, 20, 200, "PlayoutLeadMs");
        Check(failures, options.MarkIntervalMs, 20, 1000, "MarkIntervalMs");
        Check(failures, options.StartTimeoutSeconds, 1, 120, "StartTimeoutSeconds");
        Check(failures, options.DrainTimeoutSeconds, 0, 3600, "DrainTimeoutSeconds");
        Check(failures, options.FarewellSeconds, 0, 60, "FarewellSeconds");
        Check(failures, options.MaxThreadPoolLagMs, 5, 10_000, "MaxThreadPoolLagMs");
        if (options.MaxCpuLoad is <= 0 or > 1)
        {
            failures.Add("Twilio:MaxCpuLoad must be above 0 and at most 1 (a share of all cores).");
        }

        if (options.MaxPacingLoad is <= 0 or > 1)
        {
            failures.Add("Twilio:MaxPacingLoad must be above 0 and at most 1 (a share of the 20 ms tick).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, int value, int min, int max, string name)
    {
        if (value < min || value > max)
        {
            failures.Add($"Twilio:{name} must be between {min} and {max}.");
        }
    }
}

using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace VoiceConnector.Functions.Twilio;

/// <summary>
/// Validates <see cref="TwilioOptions"/> at start. Credentials may be absent altogether (local runs without Twilio),
/// but never half present or malformed. Messages never contain the auth token.
/// </summary>
public sealed partial class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    public ValidateOptionsResult Validate(string? name, TwilioOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var hasSid = !string.IsNullOrEmpty(options.AccountSid);
        var hasToken = !string.IsNullOrEmpty(options.AuthToken);
        if (hasSid != hasToken)
        {
            failures.Add("Twilio:AccountSid and Twilio:AuthToken must be set together.");
        }

        if (hasSid && !AccountSidPattern().IsMatch(options.AccountSid!))
        {
            failures.Add("Twilio:AccountSid must be 'AC' followed by 32 hexadecimal digits.");
        }

        if (options.ApiBaseUrl is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add("Twilio:ApiBaseUrl must be an absolute http(s) URL.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero || options.RequestTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add("Twilio:RequestTimeout must be between 0 and 5 minutes.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add("Twilio:MaxRetries must be between 0 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.MaxRetryDelay < options.RetryBaseDelay)
        {
            failures.Add("Twilio:RetryBaseDelay must be positive and not above Twilio:MaxRetryDelay.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    [GeneratedRegex("^AC[0-9a-fA-F]{32}$")]
    private static partial Regex AccountSidPattern();
}

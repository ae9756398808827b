namespace VoiceConnector.Functions.Twilio;

/// <summary>
/// Configuration section <c>Twilio</c>: the account the REST client acts for and how patiently it talks to Twilio.
/// <see cref="AuthToken"/> is a secret: it is sent only in the Authorization header and never logged.
/// </summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Twilio";

    /// <summary><c>Twilio:AccountSid</c>, <c>AC</c> followed by 32 hex digits.</summary>
    public string? AccountSid { get; set; }

    /// <summary><c>Twilio:AuthToken</c> (secret).</summary>
    public string? AuthToken { get; set; }

    /// <summary><c>Twilio:ApiBaseUrl</c>; a local fake in tests.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://api.twilio.com");

    /// <summary>Time allowed for one attempt (request sent and response read).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt, for requests that are safe to repeat.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>First backoff delay; doubled on each retry (with jitter) unless Twilio sends Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Longest wait before a retry; a longer Retry-After ends the retries instead.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>True when both credentials are present; without them every call fails with a clear error.</summary>
    public bool IsConfigured => !string.IsNullOrEmpty(AccountSid) && !string.IsNullOrEmpty(AuthToken);
}

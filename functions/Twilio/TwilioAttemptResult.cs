namespace VoiceConnector.Functions.Twilio;

/// <summary>
/// What one attempt of a Twilio request produced: an HTTP answer (<see cref="StatusCode"/> &gt; 0), or a failure
/// before any answer, with whether the request provably never left this machine.
/// </summary>
internal sealed record TwilioAttemptResult(
    int StatusCode,
    byte[] Body,
    TimeSpan? RetryAfter,
    string? FailureReason,
    bool NotSent,
    Exception? Error)
{
    public bool IsSuccess => StatusCode is >= 200 and < 300;

    public bool IsTransient => StatusCode is 0 or 429 or 500 or 502 or 503 or 504;

    public string Reason => FailureReason ?? "HTTP " + StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

namespace VoiceConnector.Functions.Twilio;

/// <summary>One Twilio REST request: the operation name (for errors and logs), path and query, and form body.</summary>
internal sealed record TwilioRequest(
    string Operation,
    HttpMethod Method,
    string PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string>>? Form,
    TwilioRetryMode RetryMode);

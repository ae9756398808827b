using VoiceConnector.Functions.Twilio;

namespace VoiceConnector.Functions.Api;

/// <summary>The problems the API answers with; every error response is one of these.</summary>
public static class Problems
{
    private const string TypeBase = "urn:voice-connector:problem:";

    public static HandlerResult Validation(IReadOnlyDictionary<string, string[]> errors) =>
        Of("validation", "The request is invalid.", 400, "See errors for each invalid field.", errors);

    public static HandlerResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static HandlerResult BadJson(string detail) => Of("bad-json", "The request body is not valid JSON for this operation.", 400, detail);

    public static HandlerResult UnsupportedMediaType(string expected) =>
        Of("unsupported-media-type", "Unsupported content type.", 415, "Send " + expected + ".");

    public static HandlerResult TooLarge(int maxBytes) =>
        Of("too-large", "The request body is too large.", 413, "At most " + maxBytes + " bytes are accepted.");

    public static HandlerResult Unauthorized(string detail) => Of("unauthorized", "Authentication required.", 401, detail);

    public static HandlerResult Forbidden(string detail) => Of("forbidden", "Forbidden.", 403, detail);

    public static HandlerResult NotFound(string what) => Of("not-found", "Not found.", 404, what + " was not found.");

    public static HandlerResult Conflict(string detail) => Of("conflict", "Conflict.", 409, detail);

    public static HandlerResult IdempotencyKeyReused() => Of(
        "idempotency-key-reused", "Idempotency-Key already used for a different request.", 422,
        "Use a new Idempotency-Key for a different request.");

    public static HandlerResult IdempotencyInProgress() => Of(
        "idempotency-in-progress", "A request with this Idempotency-Key is still in progress.", 409, "Retry later with the same key.");

    public static HandlerResult Twilio(TwilioApiException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var detail = error.ErrorCode is { } code ? $"Twilio error {code}: {error.Message}" : "Twilio: " + error.Message;
        return error.StatusCode is >= 400 and < 500
            ? Of("twilio-rejected", "Twilio rejected the request.", 422, detail)
            : Of("twilio-unavailable", "Twilio could not be reached.", 502, detail);
    }

    private static HandlerResult Of(string type, string title, int status, string? detail, IReadOnlyDictionary<string, string[]>? errors = null) =>
        HandlerResult.Problem(new ApiProblem(TypeBase + type, title, status, detail, errors));
}

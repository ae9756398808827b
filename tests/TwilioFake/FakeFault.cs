namespace VoiceConnector.TwilioFake;

/// <summary>
/// One injected failure, applied to the next request whose operationId matches <see cref="OperationId"/>
/// (any request when null).
/// </summary>
public sealed record FakeFault(
    FakeFaultKind Kind,
    int StatusCode = 0,
    TimeSpan Delay = default,
    TimeSpan? RetryAfter = null,
    string? OperationId = null,
    int? ErrorCode = null,
    string? ErrorMessage = null)
{
    /// <summary>Answer with a specific Twilio error, e.g. (400, 21452, "No phone numbers found").</summary>
    public static FakeFault TwilioError(int statusCode, int errorCode, string message, string? operationId = null) =>
        new(FakeFaultKind.Status, statusCode, OperationId: operationId, ErrorCode: errorCode, ErrorMessage: message);

    public static FakeFault Status(int statusCode, string? operationId = null) => new(FakeFaultKind.Status, statusCode, OperationId: operationId);

    public static FakeFault TooManyRequests(TimeSpan retryAfter, string? operationId = null) =>
        new(FakeFaultKind.Status, 429, RetryAfter: retryAfter, OperationId: operationId);

    public static FakeFault Slow(TimeSpan delay, string? operationId = null) => new(FakeFaultKind.Slow, Delay: delay, OperationId: operationId);

    public static FakeFault DropBeforeHandling(string? operationId = null) => new(FakeFaultKind.DropBeforeHandling, OperationId: operationId);

    public static FakeFault DropAfterHandling(string? operationId = null) => new(FakeFaultKind.DropAfterHandling, OperationId: operationId);
}

namespace VoiceConnector.Functions.Api;

/// <summary>
/// What a handler answers, free of any hosting type: a status, a body (serialised as JSON unless it is a string) and
/// its content type. The ASP.NET Core host writes it; another host (e.g. Azure Functions) can do the same.
/// </summary>
public sealed record HandlerResult(int StatusCode, object? Body = null, string ContentType = "application/json")
{
    /// <summary>Extra response headers (e.g. <c>Location</c>, <c>Idempotent-Replayed</c>).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public static HandlerResult Ok(object body) => new(200, body);

    public static HandlerResult Created(object body, string location) =>
        new(201, body) { Headers = new Dictionary<string, string> { ["Location"] = location } };

    public static HandlerResult NoContent() => new(204);

    public static HandlerResult Problem(ApiProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.Status, problem, ApiProblem.ContentType);
    }

    public static HandlerResult Twiml(string document) => new(200, document, "text/xml; charset=utf-8");

    public bool IsSuccess => StatusCode is >= 200 and < 300;
}

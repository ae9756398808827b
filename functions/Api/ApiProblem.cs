namespace VoiceConnector.Functions.Api;

/// <summary>An RFC 7807 problem details document (<c>application/problem+json</c>).</summary>
/// <param name="Errors">Validation errors by field (camelCase JSON path), when the request was invalid.</param>
public sealed record ApiProblem(
    string Type,
    string Title,
    int Status,
    string? Detail = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    IReadOnlyDictionary<string, string[]>? Errors = null)
{
    public const string ContentType = "application/problem+json";
}

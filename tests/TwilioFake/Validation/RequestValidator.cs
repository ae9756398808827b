using System.Text.Json.Nodes;
using VoiceConnector.TwilioFake.Spec;

namespace VoiceConnector.TwilioFake.Validation;

/// <summary>
/// Checks a request against its operation in the spec: path parameter values, every query parameter name and value,
/// the content type, every form parameter name (unknown or repeated non-array names rejected), required form
/// parameters and each value's schema. Returns every problem found (empty when the request conforms).
/// </summary>
public sealed class RequestValidator(OpenApiSpec spec)
{
    public const string FormContentType = "application/x-www-form-urlencoded";

    public IReadOnlyList<string> Validate(
        SpecOperation operation,
        IReadOnlyDictionary<string, string> pathValues,
        IReadOnlyList<KeyValuePair<string, string>> query,
        string? contentType,
        IReadOnlyList<KeyValuePair<string, string>> form)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(pathValues);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(form);
        var problems = new List<string>();
        foreach (var (name, value) in pathValues)
        {
            if (operation.Parameters.TryGetValue(name, out var parameter) && SchemaValueChecker.Check(name, parameter.Schema, value) is { } problem)
            {
                problems.Add("path parameter " + problem);
            }
        }

        CheckQuery(operation, query, problems);
        if (operation.FormSchema is null)
        {
            if (form.Count > 0)
            {
                problems.Add($"{operation.OperationId} takes no request body");
            }
        }
        else
        {
            CheckForm(operation.OperationId, operation.FormSchema, contentType, form, problems);
        }

        return problems;
    }

    private static void CheckQuery(SpecOperation operation, IReadOnlyList<KeyValuePair<string, string>> query, List<string> problems)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in query)
        {
            if (!operation.Parameters.TryGetValue(name, out var parameter) || parameter.In != "query")
            {
                problems.Add($"unknown query parameter {name} for {operation.OperationId}");
                continue;
            }

            if (!seen.Add(name) && parameter.Schema["type"]?.GetValue<string>() != "array")
            {
                problems.Add($"query parameter {name} repeated");
            }

            if (SchemaValueChecker.Check(name, parameter.Schema, value) is { } problem)
            {
                problems.Add("query parameter " + problem);
            }
        }

        foreach (var parameter in operation.Parameters.Values)
        {
            if (parameter.In == "query" && parameter.Required && !seen.Contains(parameter.Name))
            {
                problems.Add($"missing required query parameter {parameter.Name}");
            }
        }
    }

    private void CheckForm(string operationId, JsonObject schema, string? contentType, IReadOnlyList<KeyValuePair<string, string>> form, List<string> problems)
    {
        var mediaType = contentType?.Split(';')[0].Trim();
        if (!string.Equals(mediaType, FormContentType, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"content type must be {FormContentType}, got '{contentType}'");
        }

        var properties = schema["properties"]?.AsObject() ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in form)
        {
            if (properties[name] is not JsonObject property)
            {
                problems.Add($"unknown parameter {name} for {operationId}");
                continue;
            }

            var resolved = spec.Resolve(property);
            if (!seen.Add(name) && resolved["type"]?.GetValue<string>() != "array")
            {
                problems.Add($"parameter {name} repeated but not an array");
            }

            if (SchemaValueChecker.Check(name, resolved, value) is { } problem)
            {
                problems.Add(problem);
            }
        }

        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            var name = required!.GetValue<string>();
            if (!seen.Contains(name))
            {
                problems.Add($"missing required parameter {name}");
            }
        }

        if (DocumentedRules.Check(operationId, seen) is { } rule)
        {
            problems.Add(rule);
        }
    }
}

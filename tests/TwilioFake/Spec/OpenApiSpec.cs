using System.Globalization;
using System.Text.Json.Nodes;

namespace VoiceConnector.TwilioFake.Spec;

/// <summary>
/// Twilio's OpenAPI 3 document, loaded at run time: its operations (with <c>$ref</c>s resolved) and routing of a
/// request path and method to one of them. Nothing here is hand-written per operation, so it cannot drift from the file.
/// </summary>
public sealed class OpenApiSpec
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];
    private readonly JsonObject components;

    private OpenApiSpec(JsonObject document)
    {
        components = document["components"]?["schemas"]?.AsObject() ?? [];
        var operations = new List<SpecOperation>();
        foreach (var (path, item) in document["paths"]?.AsObject() ?? [])
        {
            var template = new SpecPathTemplate(path);
            foreach (var method in Methods)
            {
                if (item?[method] is JsonObject operation)
                {
                    operations.Add(ReadOperation(method.ToUpperInvariant(), template, item.AsObject(), operation));
                }
            }
        }

        Operations = operations;
    }

    public IReadOnlyList<SpecOperation> Operations { get; }

    public static OpenApiSpec Load(string path)
    {
        var document = JsonNode.Parse(File.ReadAllText(path))?.AsObject()
            ?? throw new InvalidDataException("The OpenAPI file is empty: " + path);
        return new OpenApiSpec(document);
    }

    public SpecOperation Operation(string operationId) =>
        Operations.FirstOrDefault(o => o.OperationId == operationId)
        ?? throw new KeyNotFoundException("The spec has no operation " + operationId);

    /// <summary>Resolves <c>$ref</c> (to <c>#/components/schemas/...</c>) until a concrete schema remains.</summary>
    public JsonObject Resolve(JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        for (var depth = 0; schema["$ref"] is JsonValue reference; depth++)
        {
            const string prefix = "#/components/schemas/";
            var target = reference.GetValue<string>();
            if (depth > 16 || !target.StartsWith(prefix, StringComparison.Ordinal) || components[target[prefix.Length..]] is not JsonObject resolved)
            {
                throw new InvalidDataException("Unresolvable $ref " + target);
            }

            schema = resolved;
        }

        return schema;
    }

    public SpecRoute Route(string method, string path)
    {
        var candidates = new List<(SpecOperation Operation, IReadOnlyDictionary<string, string> Values)>();
        foreach (var operation in Operations)
        {
            if (operation.Path.Match(path) is { } values)
            {
                candidates.Add((operation, values));
            }
        }

        if (candidates.Count == 0)
        {
            return new SpecRoute(SpecRouteOutcome.NotFound, null, new Dictionary<string, string>());
        }

        var mostLiteral = candidates.Min(c => c.Operation.Path.ParameterCount);
        foreach (var (operation, values) in candidates)
        {
            if (operation.Path.ParameterCount == mostLiteral && operation.Method == method)
            {
                return new SpecRoute(SpecRouteOutcome.Found, operation, values);
            }
        }

        return new SpecRoute(SpecRouteOutcome.MethodNotAllowed, null, new Dictionary<string, string>());
    }

    private SpecOperation ReadOperation(string method, SpecPathTemplate template, JsonObject pathItem, JsonObject operation)
    {
        var parameters = new Dictionary<string, SpecParameter>(StringComparer.Ordinal);
        foreach (var list in new[] { pathItem["parameters"], operation["parameters"] })
        {
            foreach (var parameter in list?.AsArray() ?? [])
            {
                var name = parameter!["name"]!.GetValue<string>();
                var schema = parameter["schema"] is JsonObject s ? Resolve(s) : [];
                parameters[name] = new SpecParameter(name, parameter["in"]!.GetValue<string>(), parameter["required"]?.GetValue<bool>() ?? false, schema);
            }
        }

        JsonObject? formSchema = null;
        if (operation["requestBody"]?["content"]?["application/x-www-form-urlencoded"]?["schema"] is JsonObject form)
        {
            formSchema = Resolve(form);
        }

        var (status, responseSchema) = SuccessResponse(operation);
        var operationId = operation["operationId"]?.GetValue<string>() ?? method + " " + template.Template;
        return new SpecOperation(method, operationId, template, parameters, formSchema, status, responseSchema);
    }

    private (int Status, JsonObject? Schema) SuccessResponse(JsonObject operation)
    {
        foreach (var (code, response) in operation["responses"]?.AsObject() ?? [])
        {
            if (int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status is >= 200 and < 300)
            {
                var schema = response?["content"]?["application/json"]?["schema"] as JsonObject;
                return (status, schema is null ? null : Resolve(schema));
            }
        }

        throw new InvalidDataException("Operation without a 2xx response: " + operation["operationId"]);
    }
}

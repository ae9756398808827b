using System.Collections;
using System.Text.Json.Nodes;
using VoiceConnector.TwilioFake.Spec;

namespace VoiceConnector.TwilioFake.Responses;

/// <summary>
/// Builds response JSON from the spec's response schema: every property of the schema appears (null only where
/// the schema says nullable), values are checked against the property's type and enum, and a value for a name the
/// schema does not have is a bug in the fake (it throws). So the fake's answers cannot drift from Twilio's spec.
/// </summary>
public sealed class ResponseBuilder(OpenApiSpec spec)
{
    public JsonObject Build(JsonObject schema, IReadOnlyDictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(values);
        schema = spec.Resolve(schema);
        var properties = schema["properties"]?.AsObject()
            ?? throw new InvalidOperationException("Response schema without properties: " + schema["title"]);
        foreach (var name in values.Keys)
        {
            if (!properties.ContainsKey(name))
            {
                throw new InvalidOperationException($"The fake sets '{name}', which the spec's schema does not define.");
            }
        }

        var result = new JsonObject();
        foreach (var (name, property) in properties)
        {
            values.TryGetValue(name, out var value);
            result[name] = ToNode(name, property!.AsObject(), value);
        }

        return result;
    }

    private JsonNode? ToNode(string name, JsonObject schema, object? value)
    {
        var nullable = schema["nullable"]?.GetValue<bool>() == true;
        var resolved = spec.Resolve(schema);
        if (value is null)
        {
            return nullable ? null : throw new InvalidOperationException($"The fake gives no value for '{name}', which the spec says is not nullable.");
        }

        var type = resolved["type"]?.GetValue<string>() ?? (resolved["properties"] is null ? "string" : "object");
        return (type, value) switch
        {
            ("string", string text) => CheckEnum(name, resolved, text),
            ("integer", int or long) => JsonValue.Create(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
            ("number", double or decimal or int) => JsonValue.Create(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
            ("boolean", bool flag) => JsonValue.Create(flag),
            ("object", IReadOnlyDictionary<string, object?> fields) when resolved["properties"] is not null => Build(resolved, fields),
            ("object", IReadOnlyDictionary<string, string> map) when resolved["properties"] is null => FreeForm(map),
            ("array", IEnumerable items and not string) => ToArray(name, resolved, items),
            _ => throw new InvalidOperationException($"The fake gives '{name}' a {value.GetType().Name}, but the spec says {type}."),
        };
    }

    private static JsonValue CheckEnum(string name, JsonObject schema, string text)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => a?.GetValue<string>() == text))
        {
            throw new InvalidOperationException($"The fake gives '{name}' = '{text}', which is not in the spec's enum.");
        }

        return JsonValue.Create(text);
    }

    private static JsonObject FreeForm(IReadOnlyDictionary<string, string> map)
    {
        var result = new JsonObject();
        foreach (var (key, text) in map)
        {
            result[key] = text;
        }

        return result;
    }

    private JsonArray ToArray(string name, JsonObject schema, IEnumerable items)
    {
        var itemSchema = schema["items"] as JsonObject ?? [];
        var result = new JsonArray();
        foreach (var item in items)
        {
            result.Add(ToNode(name + "[]", itemSchema, item));
        }

        return result;
    }
}

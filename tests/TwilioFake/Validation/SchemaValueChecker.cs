using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace VoiceConnector.TwilioFake.Validation;

/// <summary>
/// Checks one form or query value (always text on the wire) against its OpenAPI schema: type (integer, number,
/// boolean), enum, pattern, length, minimum/maximum and absolute-URI format. Returns a problem or null.
/// </summary>
public static class SchemaValueChecker
{
    public static string? Check(string name, JsonObject schema, string value)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(value);
        var type = schema["type"]?.GetValue<string>() ?? "string";
        switch (type)
        {
            case "integer":
                if (!long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return $"{name} must be an integer, got '{value}'";
                }

                return CheckRange(name, schema, integer);
            case "number":
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    return $"{name} must be a number, got '{value}'";
                }

                return CheckRange(name, schema, number);
            case "boolean":
                return value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase)
                    ? null
                    : $"{name} must be true or false, got '{value}'";
            case "array":
                return schema["items"] is JsonObject items ? Check(name, items, value) : null;
            default:
                return CheckString(name, schema, value);
        }
    }

    private static string? CheckString(string name, JsonObject schema, string value)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => a?.GetValue<string>() == value))
        {
            return $"{name} must be one of {string.Join(", ", allowed)}, got '{value}'";
        }

        if (schema["minLength"] is JsonValue min && value.Length < min.GetValue<int>())
        {
            return $"{name} must have at least {min} characters";
        }

        if (schema["maxLength"] is JsonValue max && value.Length > max.GetValue<int>())
        {
            return $"{name} must have at most {max} characters";
        }

        if (schema["pattern"] is JsonValue pattern && !Regex.IsMatch(value, pattern.GetValue<string>(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            return $"{name} must match {pattern}, got '{value}'";
        }

        if (schema["format"]?.GetValue<string>() == "uri" && !Uri.TryCreate(value, UriKind.Absolute, out _))
        {
            return $"{name} must be an absolute URI, got '{value}'";
        }

        return null;
    }

    private static string? CheckRange(string name, JsonObject schema, double value)
    {
        if (schema["minimum"] is JsonValue min && value < min.GetValue<double>())
        {
            return $"{name} must be at least {min}";
        }

        if (schema["maximum"] is JsonValue max && value > max.GetValue<double>())
        {
            return $"{name} must be at most {max}";
        }

        return null;
    }
}

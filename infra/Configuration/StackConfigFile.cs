namespace VoiceConnector.Infra.Configuration;

/// <summary>
/// Reads the <c>config:</c> map of a <c>Pulumi.&lt;stack&gt;.yaml</c> file: one <c>key: value</c> per line, values
/// plain or quoted scalars. Secret entries (<c>key:\n  secure: ...</c>) are reported with the value <c>"secure"</c>
/// (present, encrypted). Nested objects and lists are not part of this project's configuration.
/// </summary>
public static class StackConfigFile
{
    public const string SecureValue = "secure";

    public static IReadOnlyDictionary<string, string> Parse(string yaml)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var inConfig = false;
        string? pendingKey = null;
        foreach (var rawLine in yaml.Split('\n'))
        {
            var line = StripComment(rawLine.TrimEnd('\r'));
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            if (indent == 0)
            {
                inConfig = line.Trim() == "config:";
                pendingKey = null;
                continue;
            }

            if (!inConfig)
            {
                continue;
            }

            var (key, value) = SplitEntry(line.Trim());
            if (pendingKey is not null && indent > 2 && key == "secure")
            {
                result[pendingKey] = SecureValue;
                pendingKey = null;
                continue;
            }

            if (value.Length == 0)
            {
                pendingKey = key;
                continue;
            }

            result[key] = Unquote(value);
            pendingKey = null;
        }

        return result;
    }

    private static (string Key, string Value) SplitEntry(string entry)
    {
        // Keys look like "namespace:name"; the separator is the first ": " (or a trailing ':').
        var separator = entry.IndexOf(": ", StringComparison.Ordinal);
        if (separator < 0)
        {
            return entry.EndsWith(':') ? (entry[..^1], string.Empty) : (entry, string.Empty);
        }

        return (entry[..separator].Trim(), entry[(separator + 2)..].Trim());
    }

    private static string StripComment(string line)
    {
        var inQuotes = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"' || line[i] == '\'')
            {
                inQuotes = !inQuotes;
            }
            else if (line[i] == '#' && !inQuotes && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[..i];
            }
        }

        return line;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}

using System.Text;

namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>Lexical helpers of the RFC 3261 grammar: tokens, quoted strings, lists, parameters, escapes.</summary>
public static class SipText
{
    /// <summary>RFC 3261 token characters.</summary>
    public static bool IsTokenChar(char c) =>
        c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9')
            or '-' or '.' or '!' or '%' or '*' or '_' or '+' or '`' or '\'' or '~';

    public static bool IsToken(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsTokenChar(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Splits a header value at commas outside quoted strings and angle brackets; empty items are dropped.</summary>
    public static IEnumerable<string> SplitList(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var start = 0;
        var quoted = false;
        var angle = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quoted)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == '<')
            {
                angle = true;
            }
            else if (c == '>')
            {
                angle = false;
            }
            else if (c == ',' && !angle)
            {
                var item = value[start..i].Trim();
                if (item.Length > 0)
                {
                    yield return item;
                }

                start = i + 1;
            }
        }

        var last = value[start..].Trim();
        if (last.Length > 0)
        {
            yield return last;
        }
    }

    /// <summary>
    /// Parses ";name[=value]" parameters (leading ';' optional). Quoted values are unquoted. Returns false on a
    /// syntax error (empty or non-token name, unterminated quote).
    /// </summary>
    public static bool TryParseParameters(ReadOnlySpan<char> text, List<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ' ' || text[i] == '\t' || text[i] == ';'))
            {
                i++;
            }

            if (i >= text.Length)
            {
                break;
            }

            var nameStart = i;
            while (i < text.Length && text[i] != '=' && text[i] != ';' && text[i] != ' ' && text[i] != '\t')
            {
                i++;
            }

            var name = text[nameStart..i];
            if (!IsParameterName(name))
            {
                return false;
            }

            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            string? value = null;
            if (i < text.Length && text[i] == '=')
            {
                i++;
                while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
                {
                    i++;
                }

                if (i < text.Length && text[i] == '"')
                {
                    if (!TryReadQuoted(text, ref i, out value))
                    {
                        return false;
                    }
                }
                else
                {
                    var valueStart = i;
                    while (i < text.Length && text[i] != ';')
                    {
                        i++;
                    }

                    value = text[valueStart..i].Trim().ToString();
                }
            }

            while (i < text.Length && (text[i] == ' ' || text[i] == '\t'))
            {
                i++;
            }

            if (i < text.Length && text[i] != ';')
            {
                return false;
            }

            parameters.Add(new KeyValuePair<string, string?>(name.ToString(), value));
        }

        return true;
    }

    private static bool IsParameterName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty)
        {
            return false;
        }

        foreach (var c in name)
        {
            // URI parameters may carry unreserved/escaped characters beyond token ones (RFC 3261 pname).
            if (!IsTokenChar(c) && c is not ('[' or ']' or '/' or ':' or '&' or '$'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads a quoted string starting at text[i] == '"'; i ends after the closing quote.</summary>
    public static bool TryReadQuoted(ReadOnlySpan<char> text, ref int i, out string value)
    {
        var builder = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length)
            {
                builder.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c == '"')
            {
                i++;
                value = builder.ToString();
                return true;
            }

            builder.Append(c);
            i++;
        }

        value = string.Empty;
        return false;
    }

    /// <summary>Quotes a value for a header parameter (escaping '"' and '\').</summary>
    public static string Quote(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Decodes %HH escapes; false on a malformed escape.</summary>
    public static bool TryUnescape(string text, out string decoded)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Contains('%', StringComparison.Ordinal))
        {
            decoded = text;
            return true;
        }

        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '%')
            {
                if (i + 2 >= text.Length || !IsHex(text[i + 1]) || !IsHex(text[i + 2]))
                {
                    decoded = text;
                    return false;
                }

                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }

        decoded = Encoding.UTF8.GetString(bytes.ToArray());
        return true;
    }

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    /// <summary>Formats parameters back to ";a=b;c".</summary>
    public static void AppendParameters(StringBuilder builder, IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(parameters);
        foreach (var (name, value) in parameters)
        {
            builder.Append(';').Append(name);
            if (value is not null)
            {
                builder.Append('=').Append(NeedsQuoting(value) ? Quote(value) : value);
            }
        }
    }

    private static bool NeedsQuoting(string value)
    {
        foreach (var c in value)
        {
            if (c is ' ' or '\t' or ';' or ',' or '"' or '<' or '>' or '\\')
            {
                return true;
            }
        }

        return value.Length == 0;
    }
}

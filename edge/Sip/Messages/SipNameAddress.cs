using System.Text;

namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>
/// A name-addr or addr-spec with header parameters, as in From, To, Contact, Route, Refer-To:
/// <c>"Display" &lt;sip:user@host;uri-param&gt;;tag=abc</c>. Without angle brackets, ';' parameters belong to the header.
/// </summary>
public sealed class SipNameAddress
{
    public SipNameAddress(string? displayName, SipUri uri, IReadOnlyList<KeyValuePair<string, string?>>? parameters = null)
    {
        DisplayName = displayName;
        Uri = uri;
        Parameters = parameters ?? [];
    }

    public string? DisplayName { get; }

    public SipUri Uri { get; }

    public IReadOnlyList<KeyValuePair<string, string?>> Parameters { get; }

    public string? Tag => GetParameter("tag");

    /// <summary>True for the Contact wildcard "*".</summary>
    public bool IsWildcard { get; private init; }

    public string? GetParameter(string name)
    {
        foreach (var (key, value) in Parameters)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return value ?? string.Empty;
            }
        }

        return null;
    }

    /// <summary>A copy with the parameter set (replacing an existing value).</summary>
    public SipNameAddress WithParameter(string name, string? value)
    {
        var parameters = Parameters.Where(p => !string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).ToList();
        parameters.Add(new KeyValuePair<string, string?>(name, value));
        return new SipNameAddress(DisplayName, Uri, parameters);
    }

    public static bool TryParse(string text, out SipNameAddress address)
    {
        ArgumentNullException.ThrowIfNull(text);
        address = null!;
        var value = text.Trim();
        if (value == "*")
        {
            address = new SipNameAddress(null, SipUri.Create("sip", null, "*", null)) { IsWildcard = true };
            return true;
        }

        string? display = null;
        var i = 0;
        if (value.StartsWith('"'))
        {
            if (!SipText.TryReadQuoted(value, ref i, out var quoted))
            {
                return false;
            }

            display = quoted;
            while (i < value.Length && (value[i] == ' ' || value[i] == '\t'))
            {
                i++;
            }

            if (i >= value.Length || value[i] != '<')
            {
                return false;
            }
        }

        var open = value.IndexOf('<', i);
        string uriText;
        string paramText;
        if (open >= 0)
        {
            if (display is null && open > 0)
            {
                var tokens = value[..open].Trim();
                foreach (var c in tokens)
                {
                    if (!SipText.IsTokenChar(c) && c is not (' ' or '\t'))
                    {
                        return false;
                    }
                }

                display = tokens.Length > 0 ? tokens : null;
            }

            var close = value.IndexOf('>', open);
            if (close < 0)
            {
                return false;
            }

            uriText = value[(open + 1)..close].Trim();
            paramText = value[(close + 1)..].Trim();
            if (paramText.Length > 0 && paramText[0] != ';')
            {
                return false;
            }
        }
        else
        {
            // addr-spec: URI parameters cannot be told from header parameters; RFC 3261 §20 says they are header ones.
            var semicolon = value.IndexOf(';', StringComparison.Ordinal);
            uriText = (semicolon >= 0 ? value[..semicolon] : value).Trim();
            paramText = semicolon >= 0 ? value[semicolon..] : string.Empty;
        }

        if (!SipUri.TryParse(uriText, out var uri))
        {
            return false;
        }

        var parameters = new List<KeyValuePair<string, string?>>();
        if (!SipText.TryParseParameters(paramText, parameters))
        {
            return false;
        }

        address = new SipNameAddress(display, uri, parameters);
        return true;
    }

    public override string ToString()
    {
        if (IsWildcard)
        {
            return "*";
        }

        var builder = new StringBuilder();
        if (!string.IsNullOrEmpty(DisplayName))
        {
            builder.Append(SipText.Quote(DisplayName)).Append(' ');
        }

        builder.Append('<').Append(Uri.Raw.Length > 0 ? Uri.Raw : Uri.ToString()).Append('>');
        SipText.AppendParameters(builder, Parameters);
        return builder.ToString();
    }
}

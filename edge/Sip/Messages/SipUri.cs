using System.Globalization;
using System.Text;

namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>
/// A SIP or SIPS URI (RFC 3261 §19.1), or another absolute URI kept opaque (tel:, http:, ...).
/// <see cref="User"/> is percent-decoded; <see cref="ToString"/> re-escapes what must be escaped.
/// </summary>
public sealed class SipUri
{
    private static readonly System.Buffers.SearchValues<char> Forbidden = System.Buffers.SearchValues.Create(" \t\r\n<>\"");

    private SipUri(string scheme, string raw)
    {
        Scheme = scheme;
        Raw = raw;
    }

    /// <summary>Lower-case scheme: "sip", "sips", "tel", ...</summary>
    public string Scheme { get; }

    /// <summary>The URI exactly as received.</summary>
    public string Raw { get; }

    public bool IsSip => Scheme is "sip" or "sips";

    public string? User { get; private init; }

    public string? Password { get; private init; }

    /// <summary>Host name, IPv4 address or IPv6 reference with brackets ("[::1]").</summary>
    public string Host { get; private init; } = string.Empty;

    public int? Port { get; private init; }

    public IReadOnlyList<KeyValuePair<string, string?>> Parameters { get; private init; } = [];

    /// <summary>Raw "?h=v&amp;..." header part without the '?', or null.</summary>
    public string? Headers { get; private init; }

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

    public static SipUri Create(string scheme, string? user, string host, int? port, params KeyValuePair<string, string?>[] parameters)
    {
        var uri = new SipUri(scheme, string.Empty)
        {
            User = user,
            Host = host,
            Port = port,
            Parameters = parameters,
        };
        return new SipUri(scheme, uri.ToString())
        {
            User = user,
            Host = host,
            Port = port,
            Parameters = parameters,
        };
    }

    public static bool TryParse(string text, out SipUri uri)
    {
        ArgumentNullException.ThrowIfNull(text);
        uri = null!;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || text.AsSpan().ContainsAny(Forbidden))
        {
            return false;
        }

        var scheme = text[..colon];
        foreach (var c in scheme)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        if (!char.IsAsciiLetter(scheme[0]))
        {
            return false;
        }

        scheme = scheme.ToLowerInvariant();
        if (scheme is not ("sip" or "sips"))
        {
            uri = new SipUri(scheme, text);
            return colon + 1 < text.Length;
        }

        var rest = text[(colon + 1)..];
        string? headers = null;
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        if (question >= 0)
        {
            headers = rest[(question + 1)..];
            rest = rest[..question];
        }

        string? user = null;
        string? password = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var passColon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var rawUser = passColon >= 0 ? userInfo[..passColon] : userInfo;
            if (rawUser.Length == 0 || !SipText.TryUnescape(rawUser, out var decodedUser))
            {
                return false;
            }

            user = decodedUser;
            if (passColon >= 0 && !SipText.TryUnescape(userInfo[(passColon + 1)..], out password))
            {
                return false;
            }
        }

        var semicolon = rest.IndexOf(';', StringComparison.Ordinal);
        var hostPort = semicolon >= 0 ? rest[..semicolon] : rest;
        var parameters = new List<KeyValuePair<string, string?>>();
        if (semicolon >= 0 && !SipText.TryParseParameters(rest.AsSpan(semicolon), parameters))
        {
            return false;
        }

        if (!TrySplitHostPort(hostPort, out var host, out var port))
        {
            return false;
        }

        uri = new SipUri(scheme, text)
        {
            User = user,
            Password = password,
            Host = host,
            Port = port,
            Parameters = parameters,
            Headers = headers,
        };
        return true;
    }

    /// <summary>Splits "host[:port]" (IPv6 in brackets) and checks the host's characters.</summary>
    public static bool TrySplitHostPort(string hostPort, out string host, out int? port)
    {
        ArgumentNullException.ThrowIfNull(hostPort);
        host = string.Empty;
        port = null;
        string portText;
        if (hostPort.StartsWith('['))
        {
            var close = hostPort.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = hostPort[..(close + 1)];
            if (!System.Net.IPAddress.TryParse(host[1..^1], out var v6) || v6.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
            {
                return false;
            }

            portText = hostPort[(close + 1)..];
            if (portText.Length > 0 && portText[0] != ':')
            {
                return false;
            }

            portText = portText.Length > 0 ? portText[1..] : string.Empty;
        }
        else
        {
            var colon = hostPort.IndexOf(':', StringComparison.Ordinal);
            host = colon >= 0 ? hostPort[..colon] : hostPort;
            portText = colon >= 0 ? hostPort[(colon + 1)..] : string.Empty;
            if (host.Length == 0)
            {
                return false;
            }

            foreach (var c in host)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '.'))
                {
                    return false;
                }
            }
        }

        if (portText.Length > 0 || hostPort.EndsWith(':'))
        {
            if (portText.Length is 0 or > 5 || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 65535)
            {
                return false;
            }

            port = p;
        }

        return true;
    }

    public override string ToString()
    {
        if (!IsSip)
        {
            return Raw;
        }

        var builder = new StringBuilder(Scheme).Append(':');
        if (User is not null)
        {
            builder.Append(EscapeUser(User));
            if (Password is not null)
            {
                builder.Append(':').Append(EscapeUser(Password));
            }

            builder.Append('@');
        }

        builder.Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        SipText.AppendParameters(builder, Parameters);
        if (Headers is not null)
        {
            builder.Append('?').Append(Headers);
        }

        return builder.ToString();
    }

    private static string EscapeUser(string user)
    {
        var builder = new StringBuilder(user.Length);
        foreach (var b in Encoding.UTF8.GetBytes(user))
        {
            var c = (char)b;
            if (b < 0x80 && (char.IsAsciiLetterOrDigit(c) || "-_.!~*'()&=+$,;?/".Contains(c, StringComparison.Ordinal)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}

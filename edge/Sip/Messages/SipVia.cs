using System.Globalization;
using System.Text;

namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>One Via value: <c>SIP/2.0/UDP host:port;branch=z9hG4bK...;rport;received=1.2.3.4</c>.</summary>
public sealed class SipVia
{
    /// <summary>RFC 3261 branch prefix: a branch starting with it is unique per transaction.</summary>
    public const string MagicCookie = "z9hG4bK";

    public SipVia(string transport, string host, int? port, IReadOnlyList<KeyValuePair<string, string?>> parameters)
    {
        Transport = transport;
        Host = host;
        Port = port;
        Parameters = parameters;
    }

    /// <summary>Upper-case transport: "UDP", "TCP", "TLS", ...</summary>
    public string Transport { get; }

    public string Host { get; }

    public int? Port { get; }

    public IReadOnlyList<KeyValuePair<string, string?>> Parameters { get; }

    public string? Branch => GetParameter("branch");

    public string? Received => GetParameter("received");

    /// <summary>Null when absent, "" when present without a value, else the value.</summary>
    public string? RPort => GetParameter("rport");

    public string? MAddr => GetParameter("maddr");

    /// <summary>"host:port" as the transaction layer compares it (port defaulted to 5060).</summary>
    public string SentBy => Host.ToLowerInvariant() + ":" + (Port ?? 5060).ToString(CultureInfo.InvariantCulture);

    public bool HasMagicCookie => Branch is { } b && b.StartsWith(MagicCookie, StringComparison.Ordinal);

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

    /// <summary>A copy with the parameter set (added at the end, or replaced in place).</summary>
    public SipVia WithParameter(string name, string? value)
    {
        var parameters = Parameters.ToList();
        var index = parameters.FindIndex(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase));
        var pair = new KeyValuePair<string, string?>(name, value);
        if (index >= 0)
        {
            parameters[index] = pair;
        }
        else
        {
            parameters.Add(pair);
        }

        return new SipVia(Transport, Host, Port, parameters);
    }

    public static bool TryParse(string text, out SipVia via)
    {
        ArgumentNullException.ThrowIfNull(text);
        via = null!;
        var span = text.AsSpan().Trim();

        // sent-protocol: name / version / transport, with optional LWS around the slashes.
        var parts = new string[3];
        var pos = 0;
        for (var p = 0; p < 3; p++)
        {
            while (pos < span.Length && (span[pos] == ' ' || span[pos] == '\t'))
            {
                pos++;
            }

            var start = pos;
            while (pos < span.Length && SipText.IsTokenChar(span[pos]))
            {
                pos++;
            }

            parts[p] = span[start..pos].ToString();
            while (pos < span.Length && (span[pos] == ' ' || span[pos] == '\t'))
            {
                pos++;
            }

            if (p < 2)
            {
                if (pos >= span.Length || span[pos] != '/')
                {
                    return false;
                }

                pos++;
            }
        }

        if (!string.Equals(parts[0], "SIP", StringComparison.OrdinalIgnoreCase) || parts[1] != "2.0" || parts[2].Length == 0)
        {
            return false;
        }

        var rest = span[pos..].Trim();
        var semicolon = rest.IndexOf(';');
        var hostPort = (semicolon >= 0 ? rest[..semicolon] : rest).ToString();

        // LWS is allowed around the ':' of sent-by.
        hostPort = hostPort.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("\t", string.Empty, StringComparison.Ordinal);
        if (!SipUri.TrySplitHostPort(hostPort, out var host, out var port))
        {
            return false;
        }

        var parameters = new List<KeyValuePair<string, string?>>();
        if (semicolon >= 0 && !SipText.TryParseParameters(rest[semicolon..], parameters))
        {
            return false;
        }

        via = new SipVia(parts[2].ToUpperInvariant(), host, port, parameters);
        return true;
    }

    public override string ToString()
    {
        var builder = new StringBuilder("SIP/2.0/").Append(Transport).Append(' ').Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        SipText.AppendParameters(builder, Parameters);
        return builder.ToString();
    }
}

using System.Globalization;
using System.Text;

namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>
/// Parses one SIP message (RFC 3261 §7, §25) from a datagram or from a frame cut by <see cref="SipStreamFramer"/>.
/// Never throws on input: every defect becomes a <see cref="SipParseResult"/> error.
/// </summary>
public static class SipMessageParser
{
    /// <summary>Upper bound on the header section (start line and headers).</summary>
    public const int MaxHeaderBytes = 16 * 1024;

    /// <summary>Upper bound on the number of header lines.</summary>
    public const int MaxHeaderLines = 200;

    /// <summary>Upper bound on a body.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    /// <param name="data">The bytes of one datagram, or one framed stream message.</param>
    /// <param name="datagram">True for UDP: a missing Content-Length means "the rest of the datagram".</param>
    public static SipParseResult Parse(ReadOnlySpan<byte> data, bool datagram)
    {
        var start = 0;
        while (start + 1 < data.Length && data[start] == '\r' && data[start + 1] == '\n')
        {
            start += 2;
        }

        data = data[start..];
        if (data.IsEmpty)
        {
            return SipParseResult.Drop("empty");
        }

        var headerEnd = FindHeaderEnd(data, out var separatorLength);
        var headerLength = headerEnd < 0 ? data.Length : headerEnd;
        if (headerLength > MaxHeaderBytes)
        {
            return SipParseResult.Drop("header section too large");
        }

        string headerText;
        try
        {
            headerText = StrictUtf8.GetString(data[..headerLength]);
        }
        catch (DecoderFallbackException)
        {
            return SipParseResult.Drop("header section is not UTF-8");
        }

        var lines = Unfold(headerText);
        if (lines.Count == 0 || lines.Count > MaxHeaderLines + 1)
        {
            return SipParseResult.Drop(lines.Count == 0 ? "no start line" : "too many header lines");
        }

        var startLine = ParseStartLine(lines[0], out var startError, out var startStatus);
        if (startLine is null)
        {
            return SipParseResult.Drop(startError ?? "bad start line");
        }

        string? error = startError;
        var status = startStatus;
        for (var i = 1; i < lines.Count; i++)
        {
            var line = lines[i];
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = colon > 0 ? line[..colon].TrimEnd(' ', '\t') : string.Empty;
            if (!SipText.IsToken(name))
            {
                error ??= "malformed header line";
                status = status == 0 ? 400 : status;
                continue;
            }

            startLine.Headers.Add(name, line[(colon + 1)..].Trim(' ', '\t'));
        }

        if (headerEnd < 0)
        {
            return SipParseResult.Invalid(startLine, "no blank line after the headers");
        }

        var bodyStart = headerEnd + separatorLength;
        var available = data.Length - bodyStart;
        var lengthError = ReadContentLength(startLine.Headers, out var contentLength);
        if (lengthError is not null)
        {
            return SipParseResult.Invalid(startLine, lengthError);
        }

        if (contentLength is null)
        {
            if (!datagram)
            {
                return SipParseResult.Invalid(startLine, "Content-Length is required on a stream transport");
            }

            contentLength = available;
        }

        if (contentLength > available)
        {
            return SipParseResult.Invalid(startLine, "Content-Length larger than the data received");
        }

        if (contentLength > MaxBodyBytes)
        {
            return SipParseResult.Invalid(startLine, "body too large");
        }

        startLine.Body = data.Slice(bodyStart, contentLength.Value).ToArray();
        if (error is not null)
        {
            return SipParseResult.Invalid(startLine, error, status == 0 ? 400 : status);
        }

        var semanticError = SipMessageValidator.Validate(startLine, out var semanticStatus);
        return semanticError is null ? SipParseResult.Valid(startLine) : SipParseResult.Invalid(startLine, semanticError, semanticStatus);
    }

    /// <summary>Index of the CRLFCRLF (or bare LFLF) ending the headers, or -1.</summary>
    public static int FindHeaderEnd(ReadOnlySpan<byte> data, out int separatorLength)
    {
        for (var i = 0; i < data.Length - 1; i++)
        {
            if (data[i] != '\n')
            {
                continue;
            }

            var separatorEnd = data[i + 1] == '\n' ? i + 2
                : data[i + 1] == '\r' && i + 2 < data.Length && data[i + 2] == '\n' ? i + 3 : -1;
            if (separatorEnd < 0)
            {
                continue;
            }

            var headerEnd = i > 0 && data[i - 1] == '\r' ? i - 1 : i;
            separatorLength = separatorEnd - headerEnd;
            return headerEnd;
        }

        separatorLength = 0;
        return -1;
    }

    /// <summary>Reads Content-Length: null when absent, an error text when present but unusable.</summary>
    public static string? ReadContentLength(SipHeaderCollection headers, out int? length)
    {
        ArgumentNullException.ThrowIfNull(headers);
        length = null;
        foreach (var header in headers)
        {
            if (!string.Equals(header.Name, SipHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (header.Value.Length is 0 or > 9
                || !int.TryParse(header.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return "bad Content-Length";
            }

            if (length is not null && length != value)
            {
                return "conflicting Content-Length headers";
            }

            length = value;
        }

        return null;
    }

    private static List<string> Unfold(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && lines.Count > 1)
            {
                lines[^1] = lines[^1].TrimEnd(' ', '\t') + " " + line.Trim(' ', '\t');
            }
            else
            {
                lines.Add(line);
            }

            if (lines.Count > MaxHeaderLines + 1)
            {
                break;
            }
        }

        return lines;
    }

    private static SipMessage? ParseStartLine(string line, out string? error, out int status)
    {
        error = null;
        status = 0;
        if (line.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase))
        {
            // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase
            var first = line.IndexOf(' ', StringComparison.Ordinal);
            if (first < 0 || line.Length < first + 4 || !string.Equals(line[..first], "SIP/2.0", StringComparison.OrdinalIgnoreCase))
            {
                error = "bad status line";
                return null;
            }

            var code = line.Substring(first + 1, 3);
            if (!int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var statusCode)
                || statusCode is < 100 or > 699 || (line.Length > first + 4 && line[first + 4] != ' '))
            {
                error = "bad status code";
                return null;
            }

            var reason = line.Length > first + 5 ? line[(first + 5)..] : string.Empty;
            return new SipResponse(statusCode, reason);
        }

        // Request-Line = Method SP Request-URI SP SIP-Version (exactly one SP between elements)
        var parts = line.Split(' ');
        if (parts.Length != 3 || !SipText.IsToken(parts[0]) || parts[1].Length == 0)
        {
            error = "bad request line";
            return null;
        }

        var request = new SipRequest(parts[0], parts[1]);
        if (!string.Equals(parts[2], "SIP/2.0", StringComparison.OrdinalIgnoreCase))
        {
            var versionLike = parts[2].StartsWith("SIP/", StringComparison.OrdinalIgnoreCase);
            if (!versionLike)
            {
                error = "bad request line";
                return null;
            }

            error = "SIP version not supported";
            status = 505;
        }

        return request;
    }
}

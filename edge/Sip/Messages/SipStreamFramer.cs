namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>Cuts messages out of a stream transport (TCP) by Content-Length (RFC 3261 §18.3).</summary>
public static class SipStreamFramer
{
    /// <summary>
    /// Looks at buffered stream bytes. Returns the number of bytes of the next frame (leading keep-alive CRLFs count
    /// as a frame of their own), 0 when more data is needed, or -1 when the stream cannot be framed (close it).
    /// </summary>
    public static int NextFrameLength(ReadOnlySpan<byte> buffer)
    {
        var crlf = 0;
        while (crlf < buffer.Length && (buffer[crlf] == '\r' || buffer[crlf] == '\n'))
        {
            crlf++;
        }

        if (crlf > 0)
        {
            return crlf;
        }

        var headerEnd = SipMessageParser.FindHeaderEnd(buffer, out var separator);
        if (headerEnd < 0)
        {
            return buffer.Length > SipMessageParser.MaxHeaderBytes ? -1 : 0;
        }

        if (headerEnd > SipMessageParser.MaxHeaderBytes)
        {
            return -1;
        }

        var headers = new SipHeaderCollection();
        var text = System.Text.Encoding.UTF8.GetString(buffer[..headerEnd]);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[0] is not (' ' or '\t'))
            {
                headers.Add(line[..colon].Trim(), line[(colon + 1)..].Trim());
            }
        }

        if (SipMessageParser.ReadContentLength(headers, out var length) is not null || length is null
            || length > SipMessageParser.MaxBodyBytes)
        {
            return -1;
        }

        var total = headerEnd + separator + length.Value;
        return buffer.Length >= total ? total : 0;
    }
}

using System.Globalization;
using System.Text;

namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>A SIP request or response: headers and body, with typed views of the headers every layer needs.</summary>
public abstract class SipMessage
{
    public SipHeaderCollection Headers { get; } = new();

    public ReadOnlyMemory<byte> Body { get; set; } = ReadOnlyMemory<byte>.Empty;

    public string? CallId => Headers[SipHeaderNames.CallId];

    public string? ContentType => Headers[SipHeaderNames.ContentType];

    public SipCSeq? CSeq => SipCSeq.TryParse(Headers[SipHeaderNames.CSeq], out var cseq) ? cseq : null;

    public SipNameAddress? From => ParseAddress(Headers[SipHeaderNames.From]);

    public SipNameAddress? To => ParseAddress(Headers[SipHeaderNames.To]);

    /// <summary>Every Via value, top first; values that fail to parse are skipped.</summary>
    public IReadOnlyList<SipVia> Vias
    {
        get
        {
            var vias = new List<SipVia>();
            foreach (var value in Headers.GetValues(SipHeaderNames.Via))
            {
                if (SipVia.TryParse(value, out var via))
                {
                    vias.Add(via);
                }
            }

            return vias;
        }
    }

    public SipVia? TopVia
    {
        get
        {
            var values = Headers.GetValues(SipHeaderNames.Via);
            return values.Count > 0 && SipVia.TryParse(values[0], out var via) ? via : null;
        }
    }

    /// <summary>Body decoded as UTF-8 (SDP, sipfrag).</summary>
    public string BodyText => Encoding.UTF8.GetString(Body.Span);

    protected abstract string StartLine { get; }

    private static SipNameAddress? ParseAddress(string? value) =>
        value is not null && SipNameAddress.TryParse(value, out var address) ? address : null;

    /// <summary>Serializes with full header names and a Content-Length matching the body.</summary>
    public byte[] ToBytes()
    {
        var builder = new StringBuilder(512);
        builder.Append(StartLine).Append("\r\n");
        foreach (var header in Headers)
        {
            if (!string.Equals(header.Name, SipHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                builder.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
            }
        }

        builder.Append(SipHeaderNames.ContentLength).Append(": ")
            .Append(Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        var headerBytes = Encoding.UTF8.GetByteCount(builder.ToString());
        var bytes = new byte[headerBytes + Body.Length];
        Encoding.UTF8.GetBytes(builder.ToString(), bytes);
        Body.Span.CopyTo(bytes.AsSpan(headerBytes));
        return bytes;
    }

    public override string ToString() => Encoding.UTF8.GetString(ToBytes());
}

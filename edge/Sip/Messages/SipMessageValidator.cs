using System.Globalization;

namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>The checks every message must pass before a transaction sees it (RFC 3261 §8.1.1, §8.2, §20).</summary>
public static class SipMessageValidator
{
    private static readonly System.Buffers.SearchValues<char> CallIdForbidden = System.Buffers.SearchValues.Create(" \t<>\"");

    private static readonly string[] SingleValued =
    [
        SipHeaderNames.From, SipHeaderNames.To, SipHeaderNames.CallId, SipHeaderNames.CSeq,
        SipHeaderNames.MaxForwards, SipHeaderNames.ContentType,
    ];

    /// <summary>Null when valid; otherwise why not, with the status to answer a request with.</summary>
    public static string? Validate(SipMessage message, out int status)
    {
        ArgumentNullException.ThrowIfNull(message);
        status = 400;
        foreach (var name in SingleValued)
        {
            if (message.Headers.CountOf(name) > 1)
            {
                return "more than one " + name + " header";
            }
        }

        var vias = message.Headers.GetValues(SipHeaderNames.Via);
        if (vias.Count == 0)
        {
            return "missing Via";
        }

        foreach (var via in vias)
        {
            if (!SipVia.TryParse(via, out _))
            {
                return "malformed Via";
            }
        }

        if (message.From is null)
        {
            return message.Headers[SipHeaderNames.From] is null ? "missing From" : "malformed From";
        }

        if (message.To is null)
        {
            return message.Headers[SipHeaderNames.To] is null ? "missing To" : "malformed To";
        }

        if (string.IsNullOrWhiteSpace(message.CallId) || message.CallId.AsSpan().ContainsAny(CallIdForbidden))
        {
            return "missing or malformed Call-ID";
        }

        if (message.CSeq is not { } cseq)
        {
            return "missing or malformed CSeq";
        }

        if (message is not SipRequest request)
        {
            return null;
        }

        if (!string.Equals(cseq.Method, request.Method, StringComparison.Ordinal))
        {
            return "CSeq method does not match the request method";
        }

        if (message.Headers[SipHeaderNames.MaxForwards] is { } maxForwards
            && (maxForwards.Length is 0 or > 9 || !int.TryParse(maxForwards, NumberStyles.None, CultureInfo.InvariantCulture, out var hops) || hops > 255))
        {
            return "malformed Max-Forwards";
        }

        foreach (var name in new[] { SipHeaderNames.Contact, SipHeaderNames.RecordRoute })
        {
            foreach (var value in message.Headers.GetValues(name))
            {
                if (!SipNameAddress.TryParse(value, out _))
                {
                    return "malformed " + name;
                }
            }
        }

        var uri = request.ParsedRequestUri;
        if (uri is null)
        {
            return "malformed Request-URI";
        }

        if (!uri.IsSip && uri.Scheme != "tel")
        {
            status = 416;
            return "unsupported URI scheme";
        }

        return null;
    }
}

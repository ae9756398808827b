namespace VoiceConnector.Functions.Webhooks;

/// <summary>Puts the called number into the user part of the edge's SIP URI (<c>Edge:SipUri</c>).</summary>
public static class EdgeSipUri
{
    /// <summary><c>sip:edge.example.com;transport=tcp</c> + <c>+14155550100</c> gives <c>sip:+14155550100@edge.example.com;transport=tcp</c>.</summary>
    public static string ForNumber(string sipUri, string number)
    {
        ArgumentException.ThrowIfNullOrEmpty(sipUri);
        ArgumentException.ThrowIfNullOrEmpty(number);
        var colon = sipUri.IndexOf(':', StringComparison.Ordinal);
        var scheme = sipUri[..(colon + 1)];
        var rest = sipUri[(colon + 1)..];
        var hostEnd = rest.IndexOfAny([';', '?']);
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0 && (hostEnd < 0 || at < hostEnd))
        {
            rest = rest[(at + 1)..];
        }

        return scheme + number + "@" + rest;
    }
}

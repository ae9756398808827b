namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>A SIP request.</summary>
public sealed class SipRequest : SipMessage
{
    public SipRequest(string method, string requestUri)
    {
        Method = method;
        RequestUri = requestUri;
    }

    /// <summary>Method as sent (case-sensitive).</summary>
    public string Method { get; }

    /// <summary>Request-URI text as sent.</summary>
    public string RequestUri { get; }

    /// <summary>The Request-URI parsed, or null when it is not a valid URI.</summary>
    public SipUri? ParsedRequestUri => SipUri.TryParse(RequestUri, out var uri) ? uri : null;

    protected override string StartLine => Method + " " + RequestUri + " SIP/2.0";
}

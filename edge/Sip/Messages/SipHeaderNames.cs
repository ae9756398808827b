namespace VoiceConnector.Edge.Sip.Messages;

/// <summary>Canonical header names and the RFC 3261 / IANA compact forms.</summary>
public static class SipHeaderNames
{
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string MaxForwards = "Max-Forwards";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string ContentEncoding = "Content-Encoding";
    public const string Allow = "Allow";
    public const string Accept = "Accept";
    public const string AcceptEncoding = "Accept-Encoding";
    public const string AcceptLanguage = "Accept-Language";
    public const string Supported = "Supported";
    public const string Require = "Require";
    public const string Unsupported = "Unsupported";
    public const string RecordRoute = "Record-Route";
    public const string Route = "Route";
    public const string Timestamp = "Timestamp";
    public const string Server = "Server";
    public const string UserAgent = "User-Agent";
    public const string ReferTo = "Refer-To";
    public const string ReferredBy = "Referred-By";
    public const string Event = "Event";
    public const string Subject = "Subject";
    public const string Authorization = "Authorization";
    public const string WwwAuthenticate = "WWW-Authenticate";
    public const string RetryAfter = "Retry-After";

    private static readonly Dictionary<string, string> Canonical = BuildCanonical();

    /// <summary>The canonical spelling of a header name (expanding compact forms); unknown names are returned as given.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Canonical.TryGetValue(name, out var canonical) ? canonical : name;
    }

    private static Dictionary<string, string> BuildCanonical()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["i"] = CallId, ["m"] = Contact, ["f"] = From, ["t"] = To, ["v"] = Via, ["l"] = ContentLength,
            ["c"] = ContentType, ["k"] = Supported, ["s"] = Subject, ["e"] = ContentEncoding, ["o"] = Event,
            ["r"] = ReferTo, ["u"] = "Allow-Events", ["b"] = ReferredBy, ["x"] = "Session-Expires",
            ["a"] = "Accept-Contact", ["j"] = "Reject-Contact", ["d"] = "Request-Disposition", ["y"] = "Identity",
            ["n"] = "Identity-Info",
        };
        foreach (var name in new[]
                 {
                     Via, From, To, CallId, CSeq, Contact, MaxForwards, ContentLength, ContentType, ContentEncoding,
                     Allow, Accept, AcceptEncoding, AcceptLanguage, Supported, Require, Unsupported, RecordRoute,
                     Route, Timestamp, Server, UserAgent, ReferTo, ReferredBy, Event, Subject, Authorization,
                     WwwAuthenticate, RetryAfter, "Proxy-Authorization", "Proxy-Authenticate", "Proxy-Require",
                     "Expires", "Min-Expires", "Date", "Organization", "Priority", "Reply-To", "Warning",
                     "Call-Info", "Alert-Info", "Error-Info", "In-Reply-To", "MIME-Version", "Authentication-Info",
                     "Allow-Events", "Session-Expires",
                 })
        {
            map[name] = name;
        }

        return map;
    }

    /// <summary>True for headers whose values are comma-separated lists (RFC 3261 §7.3.1), so repeated lines merge.</summary>
    public static bool IsList(string canonicalName) => canonicalName is Via or Contact or Route or RecordRoute or Allow
        or Accept or AcceptEncoding or AcceptLanguage or Supported or Require or Unsupported or "Proxy-Require"
        or "Allow-Events" or "Warning" or "Call-Info" or "Alert-Info" or "Error-Info" or "In-Reply-To";
}

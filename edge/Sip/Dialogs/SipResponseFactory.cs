using VoiceConnector.Edge.Sip.Messages;

namespace VoiceConnector.Edge.Sip.Dialogs;

/// <summary>Builds responses from requests (RFC 3261 §8.2.6): Via, From, To (+tag), Call-ID, CSeq copied.</summary>
public static class SipResponseFactory
{
    public const string ServerName = "VoiceConnector";

    /// <param name="toTag">Tag to add to To when the request had none (ignored for 100).</param>
    public static SipResponse Create(SipRequest request, int status, string? toTag, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = new SipResponse(status, reason ?? SipResponse.DefaultReason(status));
        foreach (var via in request.Headers.GetValues(SipHeaderNames.Via))
        {
            response.Headers.Add(SipHeaderNames.Via, via);
        }

        response.Headers.Add(SipHeaderNames.From, request.Headers[SipHeaderNames.From] ?? string.Empty);
        var to = request.Headers[SipHeaderNames.To] ?? string.Empty;
        if (status > 100 && toTag is not null && request.To is { Tag: null } parsedTo)
        {
            to = parsedTo.WithParameter("tag", toTag).ToString();
        }

        response.Headers.Add(SipHeaderNames.To, to);
        response.Headers.Add(SipHeaderNames.CallId, request.CallId ?? string.Empty);
        response.Headers.Add(SipHeaderNames.CSeq, request.Headers[SipHeaderNames.CSeq] ?? string.Empty);
        if (status == 100 && request.Headers[SipHeaderNames.Timestamp] is { } timestamp)
        {
            response.Headers.Add(SipHeaderNames.Timestamp, timestamp);
        }

        if (status is > 100 and < 300 && request.Method == SipMethods.Invite)
        {
            // Dialog-creating responses carry the Record-Route set unchanged (§12.1.1).
            foreach (var route in request.Headers.GetValues(SipHeaderNames.RecordRoute))
            {
                response.Headers.Add(SipHeaderNames.RecordRoute, route);
            }
        }

        response.Headers.Add(SipHeaderNames.Server, ServerName);
        if (status is 405 or 501)
        {
            response.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
        }

        if (status == 415)
        {
            response.Headers.Add(SipHeaderNames.Accept, "application/sdp");
            response.Headers.Add(SipHeaderNames.AcceptEncoding, "identity");
            response.Headers.Add(SipHeaderNames.AcceptLanguage, "en");
        }

        return response;
    }

    /// <summary>True when a request carries what a response must copy (so even a malformed one can get a 400).</summary>
    public static bool CanRespondTo(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Method != SipMethods.Ack && request.TopVia is not null && request.From is not null
            && request.To is not null && !string.IsNullOrEmpty(request.CallId) && request.Headers[SipHeaderNames.CSeq] is not null;
    }
}

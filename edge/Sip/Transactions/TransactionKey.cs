using System.Globalization;
using VoiceConnector.Edge.Sip.Messages;

namespace VoiceConnector.Edge.Sip.Transactions;

/// <summary>Transaction matching keys (RFC 3261 §17.1.3, §17.2.3, with the RFC 2543 fallback).</summary>
public static class TransactionKey
{
    /// <summary>Key of the server transaction a request belongs to; ACK maps onto its INVITE.</summary>
    public static string? ForServer(SipRequest request) => ForServer(request, request.Method == SipMethods.Ack ? SipMethods.Invite : request.Method);

    /// <summary>Key under a given method (CANCEL looks up its INVITE with method INVITE).</summary>
    public static string? ForServer(SipRequest request, string method)
    {
        ArgumentNullException.ThrowIfNull(request);
        var via = request.TopVia;
        if (via is null)
        {
            return null;
        }

        if (via.HasMagicCookie)
        {
            return via.Branch + "|" + via.SentBy + "|" + method;
        }

        // RFC 2543 peer: Request-URI, From tag, Call-ID, CSeq number and top Via identify the transaction.
        var cseq = request.CSeq?.Number.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
        return "2543|" + request.RequestUri + "|" + request.From?.Tag + "|" + request.CallId + "|" + cseq + "|" + via.SentBy + "|" + via.Branch + "|" + method;
    }

    /// <summary>Key of the client transaction a response belongs to: our branch and the CSeq method.</summary>
    public static string? ForClient(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var branch = response.TopVia?.Branch;
        var method = response.CSeq?.Method;
        return branch is null || method is null ? null : branch + "|" + method;
    }
}

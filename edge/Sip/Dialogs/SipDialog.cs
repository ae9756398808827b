using System.Globalization;
using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Sip.Transport;

namespace VoiceConnector.Edge.Sip.Dialogs;

/// <summary>UAS dialog state (RFC 3261 §12.1.1) and the requests we send inside it (§12.2.1).</summary>
public sealed class SipDialog
{
    private readonly string localAddress;
    private readonly List<string> routeSet;

    public SipDialog(SipRequest invite, SipRemote flow, string localTag, string localAddress)
    {
        ArgumentNullException.ThrowIfNull(invite);
        CallId = invite.CallId!;
        LocalTag = localTag;
        RemoteTag = invite.From!.Tag ?? string.Empty;
        RemoteParty = invite.Headers[SipHeaderNames.From]!;
        LocalParty = invite.To!.WithParameter("tag", localTag).ToString();
        RemoteCSeq = invite.CSeq!.Value.Number;
        LocalCSeq = SipIdentifiers.NewSequence();
        routeSet = [.. invite.Headers.GetValues(SipHeaderNames.RecordRoute)];
        var contact = invite.Headers.GetValues(SipHeaderNames.Contact);
        RemoteTarget = contact.Count > 0 && SipNameAddress.TryParse(contact[0], out var c) && c.Uri.IsSip ? c.Uri.ToString() : invite.From!.Uri.ToString();
        Flow = flow;
        this.localAddress = localAddress;
    }

    public string CallId { get; }

    public string LocalTag { get; }

    public string RemoteTag { get; }

    /// <summary>Dialog id as the registry keys it.</summary>
    public string Id => Key(CallId, LocalTag, RemoteTag);

    public string RemoteParty { get; }

    public string LocalParty { get; }

    public string RemoteTarget { get; private set; }

    public uint RemoteCSeq { get; set; }

    public uint LocalCSeq { get; private set; }

    /// <summary>Where in-dialog requests go: the caller's flow as seen (symmetric, NAT-safe).</summary>
    public SipRemote Flow { get; private set; }

    /// <summary>The Contact we advertise.</summary>
    public string LocalContact => "<sip:edge@" + localAddress + (Flow.IsReliable ? ";transport=tcp>" : ">");

    public static string Key(string callId, string localTag, string remoteTag) => callId + "|" + localTag + "|" + remoteTag;

    /// <summary>A target refresh (re-INVITE) may move the remote target and the flow.</summary>
    public void Refresh(SipRequest request, SipRemote flow)
    {
        ArgumentNullException.ThrowIfNull(request);
        var contact = request.Headers.GetValues(SipHeaderNames.Contact);
        if (contact.Count > 0 && SipNameAddress.TryParse(contact[0], out var c) && c.Uri.IsSip)
        {
            RemoteTarget = c.Uri.ToString();
        }

        Flow = flow;
    }

    /// <summary>A new request inside the dialog: Request-URI = remote target, Route = route set, our CSeq + 1, new branch.</summary>
    public SipRequest CreateRequest(string method)
    {
        LocalCSeq++;
        var request = new SipRequest(method, RemoteTarget);
        var transport = Flow.IsReliable ? "TCP" : "UDP";
        request.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/{transport} {localAddress};branch={SipIdentifiers.NewBranch()};rport");
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, LocalParty);
        request.Headers.Add(SipHeaderNames.To, RemoteParty);
        request.Headers.Add(SipHeaderNames.CallId, CallId);
        request.Headers.Add(SipHeaderNames.CSeq, LocalCSeq.ToString(CultureInfo.InvariantCulture) + " " + method);
        request.Headers.Add(SipHeaderNames.Contact, LocalContact);
        foreach (var route in routeSet)
        {
            request.Headers.Add(SipHeaderNames.Route, route);
        }

        request.Headers.Add(SipHeaderNames.UserAgent, SipResponseFactory.ServerName);
        return request;
    }
}

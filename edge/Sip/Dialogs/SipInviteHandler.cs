using System.Security.Cryptography;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Rtp;
using VoiceConnector.Edge.Sip.Access;
using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Sip.Sdp;
using VoiceConnector.Edge.Sip.Transactions;
using VoiceConnector.Edge.Sip.Transport;

namespace VoiceConnector.Edge.Sip.Dialogs;

/// <summary>
/// Answers INVITEs: checks (auth, capacity, body), SDP offer/answer, RTP session creation, 100/180/200, and
/// re-INVITEs (hold/unhold, new media address) inside an existing call. Runs under the SIP gate.
/// </summary>
public sealed class SipInviteHandler
{
    private readonly SipTransactionLayer layer;
    private readonly SipCallRegistry registry;
    private readonly IRtpSessionFactory sessions;
    private readonly DigestAuthenticator digest;
    private readonly SipOptions options;
    private readonly string localAddress;
    private readonly ILogger logger;
    private readonly IReadOnlyList<ICallArrivalObserver> arrivals;

    public SipInviteHandler(
        SipTransactionLayer layer,
        SipCallRegistry registry,
        IRtpSessionFactory sessions,
        DigestAuthenticator digest,
        SipOptions options,
        string localAddress,
        ILogger logger,
        IReadOnlyList<ICallArrivalObserver>? arrivals = null)
    {
        this.layer = layer;
        this.registry = registry;
        this.sessions = sessions;
        this.digest = digest;
        this.options = options;
        this.localAddress = localAddress;
        this.logger = logger;
        this.arrivals = arrivals ?? [];
    }

    public void HandleInvite(SipRequest request, InviteServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(transaction);
        transaction.Respond(SipResponseFactory.Create(request, 100, null));
        if (request.To!.Tag is not null)
        {
            HandleReInvite(request, transaction);
            return;
        }

        transaction.LocalTag = SipIdentifiers.NewTag();
        if (digest.IsEnabled && !digest.Verify(request, out var stale))
        {
            var challenge = SipResponseFactory.Create(request, 401, transaction.LocalTag);
            challenge.Headers.Add(SipHeaderNames.WwwAuthenticate, digest.Challenge(stale));
            transaction.Respond(challenge);
            return;
        }

        if (registry.IsDraining)
        {
            Reject(transaction, 503, "shutting down");
            return;
        }

        if (registry.Count >= options.MaxCalls)
        {
            Reject(transaction, 503, "call limit reached");
            return;
        }

        if (!TryReadOffer(request, transaction, out var offer, out var selection))
        {
            return;
        }

        for (var i = 0; i < arrivals.Count; i++)
        {
            arrivals[i].OnCallArriving(CallTransport.Sip);
        }

        if (options.SendRinging)
        {
            var ringing = SipResponseFactory.Create(request, 180, transaction.LocalTag);
            ringing.Headers.Add(SipHeaderNames.Contact, ContactFor(transaction.Source));
            transaction.Respond(ringing);
        }

        if (options.AnswerDelayMs <= 0)
        {
            Answer(request, transaction, offer, selection);
            return;
        }

        TransactionTimer? delay = null;
        delay = new TransactionTimer(layer.Time, layer.Gate, () =>
        {
            delay!.Dispose();
            if (transaction.State == InviteServerState.Proceeding)
            {
                Answer(request, transaction, offer, selection);
            }
        });
        delay.Start(TimeSpan.FromMilliseconds(options.AnswerDelayMs));
    }

    private void Answer(SipRequest request, InviteServerTransaction transaction, SessionDescription offer, SdpMediaSelection selection)
    {
        var dialog = new SipDialog(request, transaction.Source, transaction.LocalTag!, localAddress);
        var call = new SipCall(registry, dialog, (ulong)RandomNumberGenerator.GetInt32(1, int.MaxValue));
        var ruri = request.ParsedRequestUri;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["sip.request-uri"] = request.RequestUri,
            ["sip.from"] = request.From!.Uri.ToString(),
        };
        var description = new CallDescription(
            dialog.CallId,
            CallTransport.Sip,
            request.From!.Uri.User ?? request.From.Uri.ToString(),
            CalledNumber.FromSipUser(ruri?.User ?? request.To!.Uri.User ?? request.To.Uri.ToString()),
            selection.Codec.Name,
            layer.Time.GetUtcNow(),
            parameters);
        var session = sessions.TryCreate(description, call);
        if (session is null)
        {
            Reject(transaction, 503, "no media capacity");
            return;
        }

        call.Session = session;
        call.Selection = selection;
        var ok = SipResponseFactory.Create(request, 200, transaction.LocalTag);
        AddAnswer(ok, call, offer, selection, dialog.LocalContact);
        registry.Add(call);
        registry.SendOk(call, transaction, ok);
        session.Start(selection.ToParameters());
        logger.CallAnswered(dialog.CallId, description.From, description.To, selection.Codec.Name);
    }

    private void HandleReInvite(SipRequest request, InviteServerTransaction transaction)
    {
        var call = registry.Find(request);
        if (call is null || call.Session is null)
        {
            Reject(transaction, 481, "no such dialog");
            return;
        }

        var number = request.CSeq!.Value.Number;
        if (number <= call.Dialog.RemoteCSeq)
        {
            Reject(transaction, 500, "CSeq out of order");
            return;
        }

        call.Dialog.RemoteCSeq = number;
        if (call.PendingOk is not null)
        {
            Reject(transaction, 491, "an INVITE is already in progress");
            return;
        }

        var ok = SipResponseFactory.Create(request, 200, null);
        if (request.Body.IsEmpty && call.LastLocalSdp is not null)
        {
            // No offer: ours goes in the 200 (unchanged media); the answer in the ACK changes nothing we keep.
            ok.Headers.Add(SipHeaderNames.Contact, call.Dialog.LocalContact);
            ok.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
            ok.Body = System.Text.Encoding.UTF8.GetBytes(call.LastLocalSdp);
            registry.SendOk(call, transaction, ok);
            return;
        }

        if (!TryReadOffer(request, transaction, out var offer, out var selection))
        {
            return;
        }

        call.Dialog.Refresh(request, transaction.Source);
        call.Selection = selection;
        AddAnswer(ok, call, offer, selection, call.Dialog.LocalContact);
        registry.SendOk(call, transaction, ok);
        call.Session.Update(selection.ToParameters());
    }

    private bool TryReadOffer(SipRequest request, InviteServerTransaction transaction, out SessionDescription offer, out SdpMediaSelection selection)
    {
        offer = null!;
        selection = null!;
        var contentType = request.ContentType?.Split(';')[0].Trim();
        if (request.Body.IsEmpty)
        {
            Reject(transaction, 488, "an SDP offer is required");
            return false;
        }

        if (!string.Equals(contentType, "application/sdp", StringComparison.OrdinalIgnoreCase)
            || request.Headers[SipHeaderNames.ContentEncoding] is { } encoding && !string.Equals(encoding.Trim(), "identity", StringComparison.OrdinalIgnoreCase))
        {
            Reject(transaction, 415, "only application/sdp is accepted");
            return false;
        }

        if (!SessionDescription.TryParse(request.BodyText, out offer))
        {
            Reject(transaction, 400, "malformed SDP");
            return false;
        }

        var chosen = SdpNegotiator.Select(offer);
        if (chosen is null)
        {
            Reject(transaction, 488, "no common codec (G722, PCMU or PCMA over RTP/AVP)");
            return false;
        }

        selection = chosen;
        return true;
    }

    private static void AddAnswer(SipResponse ok, SipCall call, SessionDescription offer, SdpMediaSelection selection, string contact)
    {
        var session = call.Session!;
        var address = session.LocalEndPoint.Address;
        var origin = new SdpOrigin("voiceconnector", call.SdpSessionId.ToString(System.Globalization.CultureInfo.InvariantCulture), call.SdpVersion, address.ToString());
        var answer = SdpNegotiator.BuildAnswer(offer, selection, origin, session.LocalEndPoint.Port).ToString();
        if (call.LastLocalSdp is not null && WithoutOrigin(answer) != WithoutOrigin(call.LastLocalSdp))
        {
            call.SdpVersion++;
            answer = SdpNegotiator.BuildAnswer(offer, selection, origin with { SessionVersion = call.SdpVersion }, session.LocalEndPoint.Port).ToString();
        }

        call.LastLocalSdp = answer;
        ok.Headers.Add(SipHeaderNames.Contact, contact);
        ok.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
        ok.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
        ok.Body = System.Text.Encoding.UTF8.GetBytes(answer);
    }

    private static string WithoutOrigin(string sdp) =>
        string.Join("\n", sdp.Split('\n').Where(l => !l.StartsWith("o=", StringComparison.Ordinal)));

    private string ContactFor(SipRemote source) => "<sip:edge@" + localAddress + (source.IsReliable ? ";transport=tcp>" : ">");

    private void Reject(InviteServerTransaction transaction, int status, string reason)
    {
        var response = SipResponseFactory.Create(transaction.Request, status, transaction.LocalTag ?? SipIdentifiers.NewTag());
        if (status == 503)
        {
            response.Headers.Add(SipHeaderNames.RetryAfter, "5");
        }

        response.Headers.Add("Warning", "399 voiceconnector " + SipText.Quote(reason));
        transaction.Respond(response);
        logger.Rejected(SipMethods.Invite, transaction.Source, status, reason);
    }
}

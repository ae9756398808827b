using VoiceConnector.Edge.Sip.Access;
using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Sip.Transactions;
using VoiceConnector.Edge.Sip.Transport;

namespace VoiceConnector.Edge.Sip.Dialogs;

/// <summary>
/// The UAS core: parses each inbound message, matches it to a transaction or dialog and answers it. Never runs on a
/// receive loop (it is fed from the inbound channel) and never lets an exception out: bad input gets its error
/// response, or is dropped with one log line.
/// </summary>
public sealed class SipUserAgentServer
{
    private readonly SipTransactionLayer layer;
    private readonly SipCallRegistry registry;
    private readonly SipInviteHandler invites;
    private readonly SipAccessPolicy policy;
    private readonly ILogger logger;
    private long lastDropLog;
    private long droppedSinceLog;

    public SipUserAgentServer(SipTransactionLayer layer, SipCallRegistry registry, SipInviteHandler invites, SipAccessPolicy policy, ILogger logger)
    {
        this.layer = layer;
        this.registry = registry;
        this.invites = invites;
        this.policy = policy;
        this.logger = logger;
    }

    public void Handle(SipInboundMessage inbound)
    {
        ArgumentNullException.ThrowIfNull(inbound);
        var result = SipMessageParser.Parse(inbound.Data, inbound.Source.Protocol == SipProtocol.Udp);
        try
        {
            switch (result.Message)
            {
                case SipResponse response when result.IsValid:
                    lock (layer.Gate)
                    {
                        layer.HandleResponse(response);
                    }

                    break;
                case SipRequest request when result.IsValid:
                    lock (layer.Gate)
                    {
                        HandleRequest(request, inbound.Source);
                    }

                    break;
                case SipRequest request when SipResponseFactory.CanRespondTo(request):
                    RespondStateless(request, inbound.Source, result.ErrorStatus == 0 ? 400 : result.ErrorStatus, result.Error!);
                    break;
                default:
                    LogDrop(inbound.Source, result.Error ?? "stray message");
                    break;
            }
        }
#pragma warning disable CA1031 // One bad message must never take the SIP stack (or the process) down.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.HandlerFailed((result.Message as SipRequest)?.Method ?? "response", result.Message?.CallId, exception);
        }
    }

    /// <summary>One line for the first dropped message, then at most one every 10 s with the count, so a garbage flood cannot flood the log.</summary>
    private void LogDrop(SipRemote source, string reason)
    {
        var now = layer.Time.GetTimestamp();
        var last = Interlocked.Read(ref lastDropLog);
        Interlocked.Increment(ref droppedSinceLog);
        if (last != 0 && layer.Time.GetElapsedTime(last, now) < TimeSpan.FromSeconds(10))
        {
            return;
        }

        Interlocked.Exchange(ref lastDropLog, now);
        var dropped = Interlocked.Exchange(ref droppedSinceLog, 0);
        logger.DroppedMalformed(source, reason, dropped);
    }

    private void HandleRequest(SipRequest request, SipRemote source)
    {
        SipResponseRouting.StampReceived(request, source);
        var existing = layer.FindServer(request);
        if (request.Method == SipMethods.Ack)
        {
            if (existing is InviteServerTransaction { State: not InviteServerState.Accepted } invite)
            {
                invite.OnAck();
            }
            else if (registry.Find(request) is { } call)
            {
                registry.OnAck(call, request);
            }

            return;
        }

        if (existing is not null)
        {
            existing.OnRetransmission();
            return;
        }

        var transaction = layer.CreateServer(request, source);
        if (!policy.IsAllowed(source.EndPoint.Address))
        {
            Respond(transaction, 403, "source not allowed");
            return;
        }

        if (request.Method != SipMethods.Cancel && request.Headers[SipHeaderNames.Require] is { } require)
        {
            var unsupported = SipResponseFactory.Create(request, 420, SipIdentifiers.NewTag());
            unsupported.Headers.Add(SipHeaderNames.Unsupported, require);
            transaction.Respond(unsupported);
            return;
        }

        switch (request.Method)
        {
            case SipMethods.Invite:
                invites.HandleInvite(request, (InviteServerTransaction)transaction);
                break;
            case SipMethods.Cancel:
                HandleCancel(request, transaction);
                break;
            case SipMethods.Bye:
                HandleBye(request, transaction);
                break;
            case SipMethods.Options:
                HandleOptions(request, transaction);
                break;
            case SipMethods.Notify:
                HandleNotify(request, transaction);
                break;
            default:
                Respond(transaction, SipMethods.IsKnownUnsupported(request.Method) ? 405 : 501, "method not supported here");
                break;
        }
    }

    private void HandleCancel(SipRequest cancel, ServerTransaction transaction)
    {
        var invite = layer.FindInviteFor(cancel);
        if (invite is null)
        {
            Respond(transaction, 481, "no INVITE to cancel");
            return;
        }

        transaction.Respond(SipResponseFactory.Create(cancel, 200, invite.LocalTag ?? SipIdentifiers.NewTag()));
        if (invite.State == InviteServerState.Proceeding)
        {
            invite.Respond(SipResponseFactory.Create(invite.Request, 487, invite.LocalTag ?? SipIdentifiers.NewTag()));
        }
    }

    private void HandleBye(SipRequest bye, ServerTransaction transaction)
    {
        var call = registry.Find(bye);
        if (call is null)
        {
            Respond(transaction, 481, "no such call");
            return;
        }

        transaction.Respond(SipResponseFactory.Create(bye, 200, null));
        registry.End(call, "caller-bye");
    }

    private static void HandleOptions(SipRequest options, ServerTransaction transaction)
    {
        var ok = SipResponseFactory.Create(options, 200, SipIdentifiers.NewTag());
        ok.Headers.Add(SipHeaderNames.Allow, SipMethods.Allowed);
        ok.Headers.Add(SipHeaderNames.Accept, "application/sdp");
        ok.Headers.Add(SipHeaderNames.AcceptEncoding, "identity");
        ok.Headers.Add(SipHeaderNames.AcceptLanguage, "en");
        ok.Headers.Add(SipHeaderNames.Supported, string.Empty);
        transaction.Respond(ok);
    }

    private void HandleNotify(SipRequest notify, ServerTransaction transaction)
    {
        var call = registry.Find(notify);
        if (call is null)
        {
            Respond(transaction, 481, "no such dialog");
            return;
        }

        transaction.Respond(SipResponseFactory.Create(notify, 200, null));
        registry.OnReferNotify(call, notify);
    }

    private void Respond(ServerTransaction transaction, int status, string reason)
    {
        transaction.Respond(SipResponseFactory.Create(transaction.Request, status, SipIdentifiers.NewTag()));
        logger.Rejected(transaction.Request.Method, transaction.Source, status, reason);
    }

    private void RespondStateless(SipRequest request, SipRemote source, int status, string reason)
    {
        SipResponseRouting.StampReceived(request, source);
        var response = SipResponseFactory.Create(request, status, SipIdentifiers.NewTag(), status == 400 ? "Bad Request - " + reason : null);
        layer.Transport.Send(SipResponseRouting.TargetFor(request, source), response.ToBytes());
        logger.Rejected(request.Method, source, status, reason);
    }
}

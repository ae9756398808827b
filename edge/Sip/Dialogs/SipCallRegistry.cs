using System.Collections.Concurrent;
using System.Text;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Sip.Transactions;

namespace VoiceConnector.Edge.Sip.Dialogs;

/// <summary>
/// The live SIP calls: 2xx retransmission until ACK, starting the agent on ACK, and ending calls from either side.
/// State changes happen under the transaction layer's gate; the agent runs on the thread pool.
/// </summary>
public sealed class SipCallRegistry
{
    private static readonly TimeSpan ShutdownByeTimeout = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, SipCall> calls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> agents = new();
    private volatile bool draining;
    private readonly SipTransactionLayer layer;
    private readonly ICallAgent agent;
    private readonly ILogger logger;

    public SipCallRegistry(SipTransactionLayer layer, ICallAgent agent, ILogger logger)
    {
        this.layer = layer;
        this.agent = agent;
        this.logger = logger;
    }

    public int Count
    {
        get
        {
            lock (layer.Gate)
            {
                return calls.Count;
            }
        }
    }

    /// <summary>True once shutdown has begun: new calls are refused.</summary>
    public bool IsDraining => draining;

    /// <summary>Call under the gate.</summary>
    public void Add(SipCall call) => calls[call.Dialog.Id] = call;

    /// <summary>The call of an in-dialog request (Call-ID, our tag in To, theirs in From). Call under the gate.</summary>
    public SipCall? Find(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var localTag = request.To?.Tag;
        var remoteTag = request.From?.Tag ?? string.Empty;
        return request.CallId is { } callId && localTag is not null
            && calls.TryGetValue(SipDialog.Key(callId, localTag, remoteTag), out var call) ? call : null;
    }

    /// <summary>Sends a 2xx to INVITE and retransmits it (T1 doubling to T2) until the ACK; BYE after 64*T1. Call under the gate.</summary>
    public void SendOk(SipCall call, InviteServerTransaction invite, SipResponse ok)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(invite);
        invite.Respond(ok);
        call.PendingInvite = invite;
        call.PendingInviteCSeq = invite.Request.CSeq!.Value.Number;
        call.PendingOk = ok.ToBytes();
        call.RetransmitInterval = SipTimers.T1;
        call.RetransmitTimer ??= new TransactionTimer(layer.Time, layer.Gate, () => RetransmitOk(call));
        call.GiveUpTimer ??= new TransactionTimer(layer.Time, layer.Gate, () => OnAckTimeout(call));
        call.RetransmitTimer.Start(call.RetransmitInterval);
        call.GiveUpTimer.Start(SipTimers.TransactionTimeout);
    }

    /// <summary>An ACK for a 2xx arrived in the dialog. Call under the gate.</summary>
    public void OnAck(SipCall call, SipRequest ack)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(ack);
        if (call.PendingOk is null || ack.CSeq?.Number != call.PendingInviteCSeq)
        {
            return;
        }

        StopRetransmission(call);
        if (call.State == SipCallState.Answered && call.Session is { } session)
        {
            call.State = SipCallState.Confirmed;
            var running = Task.Run(() => RunAgentAsync(call, session));
            call.AgentTask = running;
            agents.TryAdd(running, true);
            _ = running.ContinueWith(static (done, state) => ((ConcurrentDictionary<Task, bool>)state!).TryRemove(done, out _), agents, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Ends a call (BYE/CANCEL received, timeout, our hang-up): stops media, returns its ports. Call under the gate.</summary>
    public void End(SipCall call, string reason)
    {
        ArgumentNullException.ThrowIfNull(call);
        if (call.State == SipCallState.Ended)
        {
            return;
        }

        call.State = SipCallState.Ended;
        calls.Remove(call.Dialog.Id);
        StopRetransmission(call);
        call.RetransmitTimer?.Dispose();
        call.GiveUpTimer?.Dispose();
        call.Session?.End(reason);
        logger.CallEnded(call.Dialog.CallId, reason);
        _ = ReleaseAsync(call);
    }

    public async ValueTask HangUpAsync(SipCall call, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        NonInviteClientTransaction transaction;
        lock (layer.Gate)
        {
            if (call.State == SipCallState.Ended)
            {
                return;
            }

            var bye = call.Dialog.CreateRequest(SipMethods.Bye);
            bye.Headers.Add("Reason", "SIP;cause=200;text=" + SipText.Quote(reason));
            transaction = layer.SendRequest(bye, call.Dialog.Flow);
            End(call, reason);
        }

        await transaction.Completion.WaitAsync(cancellationToken);
    }

    public async ValueTask<bool> TransferAsync(SipCall call, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(target);
        NonInviteClientTransaction transaction;
        lock (layer.Gate)
        {
            if (call.State != SipCallState.Confirmed)
            {
                return false;
            }

            var refer = call.Dialog.CreateRequest(SipMethods.Refer);
            var uri = target.Contains(':', StringComparison.Ordinal) ? target : "sip:" + target + "@" + call.Dialog.Flow.EndPoint.Address;
            refer.Headers.Add(SipHeaderNames.ReferTo, "<" + uri + ">");
            refer.Headers.Add(SipHeaderNames.ReferredBy, "<" + call.Dialog.LocalContact.Trim('<', '>') + ">");
            transaction = layer.SendRequest(refer, call.Dialog.Flow);
        }

        var response = await transaction.Completion.WaitAsync(cancellationToken);
        return response is { IsSuccess: true };
    }

    /// <summary>A NOTIFY about our REFER: once the transfer target answered (sipfrag 2xx), leave the call. Call under the gate.</summary>
    public void OnReferNotify(SipCall call, SipRequest notify)
    {
        ArgumentNullException.ThrowIfNull(notify);
        var fragment = Encoding.UTF8.GetString(notify.Body.Span);
        if (fragment.StartsWith("SIP/2.0 2", StringComparison.Ordinal))
        {
            _ = HangUpAsync(call, "transferred", CancellationToken.None).AsTask();
        }
    }

    private void RetransmitOk(SipCall call)
    {
        if (call.PendingOk is null || call.State == SipCallState.Ended)
        {
            return;
        }

        layer.Transport.Send(call.PendingInvite!.ResponseTarget, call.PendingOk);
        call.RetransmitInterval = SipTimers.NextInterval(call.RetransmitInterval);
        call.RetransmitTimer!.Start(call.RetransmitInterval);
    }

    private void OnAckTimeout(SipCall call)
    {
        if (call.PendingOk is null || call.State == SipCallState.Ended)
        {
            return;
        }

        // §13.3.1.4: no ACK within 64*T1 -> the dialog is confirmed, but the session ends with a BYE.
        StopRetransmission(call);
        var bye = call.Dialog.CreateRequest(SipMethods.Bye);
        layer.SendRequest(bye, call.Dialog.Flow);
        End(call, "ack-timeout");
    }

    private static void StopRetransmission(SipCall call)
    {
        call.PendingOk = null;
        call.PendingInvite = null;
        call.RetransmitTimer?.Stop();
        call.GiveUpTimer?.Stop();
    }

    /// <summary>
    /// At shutdown: refuses new calls, lets live ones go on for up to <paramref name="drain"/>, then asks the agents of
    /// those still up to end them (a spoken goodbye) and gives them up to <paramref name="farewell"/>, then hangs up
    /// what is left (BYE, reason "shutdown", so no caller is left on a dead line), and waits until every agent has
    /// finished, including those of calls that ended just before, so each call's record is written before the process
    /// exits. Returns when they have, or when <paramref name="cancellationToken"/> ends the wait.
    /// </summary>
    public async Task ShutdownAsync(TimeSpan drain, TimeSpan farewell, CancellationToken cancellationToken)
    {
        this.draining = true;
        var timeLeft = await WaitForCallsToEndAsync(drain, cancellationToken);
        if (timeLeft && Count > 0)
        {
            foreach (var call in LiveCalls())
            {
                call.Session?.RequestEnd();
            }

            await WaitForCallsToEndAsync(farewell, cancellationToken);
        }

        var live = LiveCalls();
        var byes = new Task[live.Length];
        for (var i = 0; i < live.Length; i++)
        {
            byes[i] = HangUpForShutdownAsync(live[i]);
        }

        await Task.WhenAll(byes);
        try
        {
            await Task.WhenAll(agents.Keys).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.ShutdownAgentsAbandoned(agents.Count);
        }
    }

    /// <summary>Waits up to <paramref name="period"/> (wall-clock, whatever clock the calls run on) for every call to
    /// end; false when <paramref name="cancellationToken"/> ended the wait.</summary>
    private async Task<bool> WaitForCallsToEndAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        var waiting = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            while (Count > 0 && waiting.Elapsed < period)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            // Out of time: hang up what is left.
            return false;
        }
    }

    private SipCall[] LiveCalls()
    {
        lock (layer.Gate)
        {
            return [.. calls.Values];
        }
    }

    private async Task HangUpForShutdownAsync(SipCall call)
    {
        using var timeout = new CancellationTokenSource(ShutdownByeTimeout);
        try
        {
            await HangUpAsync(call, "shutdown", timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The caller did not answer the BYE in time; the call is ended on our side all the same.
        }
    }

    private async Task RunAgentAsync(SipCall call, ICallMedia media)
    {
        try
        {
            await agent.RunAsync(media, call.Lifetime.Token);
        }
        catch (OperationCanceledException) when (call.Lifetime.IsCancellationRequested || media.Ended.IsCancellationRequested)
        {
            // The call ended.
        }
#pragma warning disable CA1031 // An agent failure must end this call cleanly, never the process.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.AgentFailed(call.Dialog.CallId, exception);
        }

        if (!call.Lifetime.IsCancellationRequested)
        {
            await HangUpAsync(call, "agent-finished", CancellationToken.None);
        }
    }

    private static async Task ReleaseAsync(SipCall call)
    {
        // Cancelled off the gate: the agent's cancellation callbacks must not run under the SIP lock.
        await call.Lifetime.CancelAsync();
        try
        {
            await call.AgentTask.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (TimeoutException)
        {
            // The agent ignores cancellation; release the media anyway.
        }

        if (call.Session is { } session)
        {
            await session.DisposeAsync();
        }
    }
}

using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Sip.Transport;

namespace VoiceConnector.Edge.Sip.Transactions;

/// <summary>
/// INVITE server transaction (RFC 3261 §17.2.1 with RFC 6026's Accepted state): 100 Trying at once, final
/// 3xx-6xx retransmitted on Timer G until ACK or Timer H, Confirmed absorbs ACKs for Timer I, Accepted absorbs
/// INVITE retransmissions for Timer L after a 2xx (the 2xx itself is retransmitted by the UAS core).
/// </summary>
public sealed class InviteServerTransaction : ServerTransaction
{
    private readonly TransactionTimer timerG;
    private readonly TransactionTimer timerH;
    private readonly TransactionTimer timerEnd;
    private TimeSpan intervalG = SipTimers.T1;

    public InviteServerTransaction(SipTransactionLayer layer, string key, SipRequest request, SipRemote source)
        : base(layer, key, request, source)
    {
        ArgumentNullException.ThrowIfNull(layer);
        timerG = new TransactionTimer(layer.Time, layer.Gate, OnTimerG);
        timerH = new TransactionTimer(layer.Time, layer.Gate, OnTimerH);
        timerEnd = new TransactionTimer(layer.Time, layer.Gate, Terminate);
    }

    public InviteServerState State { get; private set; } = InviteServerState.Proceeding;

    /// <summary>The To tag the TU chose for this INVITE's responses (so CANCEL's 487 reuses it).</summary>
    public string? LocalTag { get; set; }

    /// <summary>Raised (under the gate) when Timer H fires: a non-2xx final response was never acknowledged.</summary>
    public Action<InviteServerTransaction>? AckTimedOut { get; set; }

    public override void Respond(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (State != InviteServerState.Proceeding)
        {
            return;
        }

        Transmit(response);
        if (response.IsProvisional)
        {
            return;
        }

        if (response.IsSuccess)
        {
            State = InviteServerState.Accepted;
            timerEnd.Start(SipTimers.TransactionTimeout);
            return;
        }

        State = InviteServerState.Completed;
        if (!ResponseTarget.IsReliable)
        {
            timerG.Start(intervalG);
        }

        timerH.Start(SipTimers.TransactionTimeout);
    }

    public override void OnRetransmission()
    {
        if (State is InviteServerState.Proceeding or InviteServerState.Completed)
        {
            Resend();
        }
    }

    /// <summary>An ACK matched this transaction (ACK of a non-2xx final response).</summary>
    public void OnAck()
    {
        if (State != InviteServerState.Completed)
        {
            return;
        }

        State = InviteServerState.Confirmed;
        timerG.Stop();
        timerH.Stop();
        timerEnd.Start(ResponseTarget.IsReliable ? TimeSpan.Zero : SipTimers.T4);
    }

    private void OnTimerG()
    {
        if (State != InviteServerState.Completed)
        {
            return;
        }

        Resend();
        intervalG = SipTimers.NextInterval(intervalG);
        timerG.Start(intervalG);
    }

    private void OnTimerH()
    {
        if (State != InviteServerState.Completed)
        {
            return;
        }

        timerG.Stop();
        AckTimedOut?.Invoke(this);
        Terminate();
    }

    protected override void Dispose(bool disposing)
    {
        timerG.Dispose();
        timerH.Dispose();
        timerEnd.Dispose();
    }
}

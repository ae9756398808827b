using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Sip.Transport;

namespace VoiceConnector.Edge.Sip.Transactions;

/// <summary>Non-INVITE server transaction (RFC 3261 §17.2.2): retransmitted requests get the last response; Timer J.</summary>
public sealed class NonInviteServerTransaction : ServerTransaction
{
    private readonly TransactionTimer timerJ;
    private bool completed;

    public NonInviteServerTransaction(SipTransactionLayer layer, string key, SipRequest request, SipRemote source)
        : base(layer, key, request, source)
    {
        ArgumentNullException.ThrowIfNull(layer);
        timerJ = new TransactionTimer(layer.Time, layer.Gate, Terminate);
    }

    public override void Respond(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (completed)
        {
            return;
        }

        Transmit(response);
        if (!response.IsProvisional)
        {
            completed = true;
            timerJ.Start(ResponseTarget.IsReliable ? TimeSpan.Zero : SipTimers.TransactionTimeout);
        }
    }

    public override void OnRetransmission() => Resend();

    protected override void Dispose(bool disposing) => timerJ.Dispose();
}

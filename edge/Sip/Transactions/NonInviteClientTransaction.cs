using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Sip.Transport;

namespace VoiceConnector.Edge.Sip.Transactions;

/// <summary>
/// Non-INVITE client transaction (RFC 3261 §17.1.2) for requests we send (BYE, REFER): Timer E retransmits over
/// UDP (T1 doubling to T2, T2 once a provisional arrived), Timer F gives up after 64*T1, Timer K absorbs response
/// retransmissions. <see cref="Completion"/> yields the final response, or null on timeout or transport failure.
/// </summary>
public sealed class NonInviteClientTransaction : IDisposable
{
    private readonly SipTransactionLayer layer;
    private readonly byte[] data;
    private readonly TransactionTimer timerE;
    private readonly TransactionTimer timerF;
    private readonly TransactionTimer timerK;
    private readonly TaskCompletionSource<SipResponse?> completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TimeSpan intervalE = SipTimers.T1;
    private bool proceeding;

    public NonInviteClientTransaction(SipTransactionLayer layer, string key, SipRequest request, SipRemote target)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(request);
        this.layer = layer;
        Key = key;
        Request = request;
        Target = target;
        data = request.ToBytes();
        timerE = new TransactionTimer(layer.Time, layer.Gate, OnTimerE);
        timerF = new TransactionTimer(layer.Time, layer.Gate, OnTimerF);
        timerK = new TransactionTimer(layer.Time, layer.Gate, Terminate);
    }

    public string Key { get; }

    public SipRequest Request { get; }

    public SipRemote Target { get; }

    public Task<SipResponse?> Completion => completion.Task;

    /// <summary>Sends the request and arms the timers. Call under the gate.</summary>
    public void Start()
    {
        if (!layer.Transport.Send(Target, data))
        {
            completion.TrySetResult(null);
            Terminate();
            return;
        }

        if (!Target.IsReliable)
        {
            timerE.Start(intervalE);
        }

        timerF.Start(SipTimers.TransactionTimeout);
    }

    /// <summary>A response matched this transaction. Call under the gate.</summary>
    public void OnResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (completion.Task.IsCompleted)
        {
            return;
        }

        if (response.IsProvisional)
        {
            proceeding = true;
            return;
        }

        timerE.Stop();
        timerF.Stop();
        completion.TrySetResult(response);
        timerK.Start(Target.IsReliable ? TimeSpan.Zero : SipTimers.T4);
    }

    private void OnTimerE()
    {
        layer.Transport.Send(Target, data);
        intervalE = proceeding ? SipTimers.T2 : SipTimers.NextInterval(intervalE);
        timerE.Start(intervalE);
    }

    private void OnTimerF()
    {
        timerE.Stop();
        completion.TrySetResult(null);
        Terminate();
    }

    private void Terminate()
    {
        layer.Remove(this);
        Dispose();
    }

    public void Dispose()
    {
        timerE.Dispose();
        timerF.Dispose();
        timerK.Dispose();
    }
}

namespace VoiceConnector.Edge.Sip.Transactions;

/// <summary>A one-shot timer from a <see cref="TimeProvider"/> whose callback runs under the SIP gate lock.</summary>
public sealed class TransactionTimer : IDisposable
{
    private readonly ITimer timer;
    private readonly object gate;
    private readonly Action callback;
    private long generation;

    public TransactionTimer(TimeProvider time, object gate, Action callback)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.gate = gate;
        this.callback = callback;
        timer = time.CreateTimer(static state => ((TransactionTimer)state!).Fire(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public bool IsRunning { get; private set; }

    /// <summary>(Re)arms the timer. Call under the gate.</summary>
    public void Start(TimeSpan due)
    {
        generation++;
        IsRunning = true;
        timer.Change(due, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Disarms the timer. Call under the gate; a callback already waiting for the gate is ignored.</summary>
    public void Stop()
    {
        generation++;
        IsRunning = false;
        timer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    private void Fire()
    {
        var armed = Volatile.Read(ref generation);
        lock (gate)
        {
            if (!IsRunning || armed != generation)
            {
                return;
            }

            IsRunning = false;
            callback();
        }
    }

    public void Dispose() => timer.Dispose();
}

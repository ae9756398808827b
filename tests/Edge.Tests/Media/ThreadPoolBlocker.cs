namespace VoiceConnector.Edge.Tests.Media;

/// <summary>
/// Fills the .NET thread pool with work items that wait until disposed, so work queued behind them is late, as in a
/// process with more work than cores. Used only by tests of the <see cref="MachineOverload"/>, which
/// run alone.
/// </summary>
internal sealed class ThreadPoolBlocker : IDisposable
{
    private readonly ManualResetEventSlim release = new();
    private int running;

    public ThreadPoolBlocker()
    {
        var items = (ThreadPool.ThreadCount * 4) + 256;
        for (var i = 0; i < items; i++)
        {
            ThreadPool.UnsafeQueueUserWorkItem(
                static blocker =>
                {
                    Interlocked.Increment(ref blocker.running);
                    blocker.release.Wait();
                    Interlocked.Decrement(ref blocker.running);
                },
                this,
                preferLocal: false);
        }
    }

    public void Dispose()
    {
        release.Set();
        SpinWait.SpinUntil(() => Volatile.Read(ref running) == 0, TimeSpan.FromSeconds(10));
    }

    /// <summary>Waits on the calling thread (not the pool, which is blocked) until <paramref name="condition"/> holds.</summary>
    public static void WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        Assert.True(SpinWait.SpinUntil(() => { Thread.Sleep(10); return condition(); }, timeout), "condition not met in time");
    }
}

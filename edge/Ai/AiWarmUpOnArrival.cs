using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Ai;

/// <summary>
/// Warms the AI services up when a call arrives (fire-and-forget, at most one warm-up in flight, bounded by a
/// timeout), so a scaled-to-zero service starts while the call is still ringing.
/// </summary>
public sealed partial class AiWarmUpOnArrival(AiWarmUp warmUp, ILogger<AiWarmUpOnArrival> logger) : ICallArrivalObserver
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private int running;

    public void OnCallArriving(CallTransport transport)
    {
        if (Interlocked.CompareExchange(ref running, 1, 0) != 0)
        {
            return;
        }

        LogWarmingUp(transport);
        _ = Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(Timeout);
            await warmUp.WarmUpAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            LogTimedOut(Timeout.TotalSeconds);
        }
        finally
        {
            Volatile.Write(ref running, 0);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call arriving over {Transport}: warming the AI services up")]
    private partial void LogWarmingUp(CallTransport transport);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI warm-up did not finish within {Seconds} s")]
    private partial void LogTimedOut(double seconds);
}

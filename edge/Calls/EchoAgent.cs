namespace VoiceConnector.Edge.Calls;

/// <summary>
/// The echo test: plays back what the caller says after a fixed delay. Used by the load tests and
/// as a line check ("can I hear myself?"). Not a conversation. Hangs up when the edge asks for the call to end.
/// </summary>
public sealed class EchoAgent : ICallAgent
{
    /// <summary>Silence played before the echo starts; the echo lags the caller by this much.</summary>
    public const int DelayMs = 200;

    public async Task RunAsync(ICallMedia call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.Ended, call.EndRequested);
        var token = linked.Token;
        var silence = new short[AudioFrame.SampleRate * DelayMs / 1000];
        try
        {
            await call.PlayAsync(silence, token);
            while (await call.CallerAudio.WaitToReadAsync(token))
            {
                while (call.CallerAudio.TryRead(out var frame))
                {
                    try
                    {
                        await call.PlayAsync(frame.Memory, token);
                    }
                    finally
                    {
                        frame.Dispose();
                    }
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The call ended, or the edge asked to end it.
        }

        if (call.EndRequested.IsCancellationRequested && !call.Ended.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // Nothing to say goodbye with: hang up at once.
            await call.HangUpAsync("shutdown", cancellationToken);
        }
    }
}

using System.Collections.Concurrent;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Tests.Twilio;

/// <summary>
/// The real <see cref="EchoAgent"/> plus DTMF commands, so tests can drive the transport from the caller's side:
/// 1 = play a one-second 440 Hz tone, 2 = play 5329 samples of tone (an odd count), 9 = barge-in (<see cref="ICallMedia.ClearPlayout"/>), # = hang up, * = transfer, 0 = send digit 5 back.
/// Records what it saw.
/// </summary>
internal sealed class ScriptedTestAgent : ICallAgent
{
    public const string TransferTarget = "+15550001111";

    private readonly EchoAgent echo = new();

    public TaskCompletionSource<ICallMedia> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The call's end reason when the agent's run ended.</summary>
    public TaskCompletionSource<string?> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<char> Digits { get; } = new();

    /// <summary>(played before, queued before, returned) for each barge-in.</summary>
    public ConcurrentQueue<(long Played, long Queued, long Returned, long QueuedAfter)> Clears { get; } = new();

    public TaskCompletionSource<bool> Transfer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task RunAsync(ICallMedia call, CancellationToken cancellationToken)
    {
        Started.TrySetResult(call);
        try
        {
            await Task.WhenAll(echo.RunAsync(call, cancellationToken), WatchDigitsAsync(call, cancellationToken));
        }
        finally
        {
            Finished.TrySetResult(call.EndReason);
        }
    }

    /// <summary>A tone at 16 kHz, amplitude 8000.</summary>
    public static short[] Tone(double hertz, int milliseconds)
    {
        var samples = new short[16 * milliseconds];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * hertz * i / 16_000));
        }

        return samples;
    }

    private async Task WatchDigitsAsync(ICallMedia call, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var digit in call.CallerDtmf.ReadAllAsync(cancellationToken))
            {
                Digits.Enqueue(digit.Digit);
                switch (digit.Digit)
                {
                    case '1':
                        await call.PlayAsync(Tone(440, 1000), cancellationToken);
                        break;
                    case '2':
                        await call.PlayAsync(Tone(600, 334).AsMemory(0, 5329), cancellationToken);
                        break;
                    case '9':
                        var played = call.PlayoutPlayedPosition;
                        var queued = call.PlayoutQueuedPosition;
                        var returned = call.ClearPlayout();
                        Clears.Enqueue((played, queued, returned, call.PlayoutQueuedPosition));
                        break;
                    case '#':
                        await call.HangUpAsync("agent-hangup", cancellationToken);
                        break;
                    case '*':
                        Transfer.TrySetResult(await call.TransferAsync(TransferTarget, cancellationToken));
                        break;
                    case '0':
                        await call.SendDtmfAsync('5', cancellationToken);
                        break;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The call ended.
        }
    }
}

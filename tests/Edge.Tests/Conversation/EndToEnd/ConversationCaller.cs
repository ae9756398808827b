using System.Collections.Concurrent;
using System.Diagnostics;

namespace VoiceConnector.Edge.Tests.Conversation.EndToEnd;

/// <summary>
/// A caller on one transport to the edge, as the end-to-end scenarios see it: speech queued with <see cref="Say"/> is
/// sent in real time as 20 ms frames (silence between utterances, like a phone line), and what the caller heard of
/// the agent is kept with the <see cref="Stopwatch"/> time each 20 ms of it reached the caller's ear.
/// </summary>
internal abstract class ConversationCaller : IAsyncDisposable
{
    /// <summary>20 ms at 16 kHz.</summary>
    protected const int FrameSamples = 320;

    private readonly ConcurrentQueue<short[]> outgoing = new();
    private readonly CancellationTokenSource stop = new();
    private Task sending = Task.CompletedTask;
    private long lastSpeechStartedAt;

    /// <summary><see cref="Stopwatch"/> timestamp when the first frame of the latest utterance was sent (0 before).</summary>
    public long LastSpeechStartedAt => Interlocked.Read(ref lastSpeechStartedAt);

    /// <summary>The call record's hang-up cause when this caller hangs up.</summary>
    public abstract string HangUpCause { get; }

    /// <summary>Cancelled when the caller is disposed.</summary>
    protected CancellationToken Stopping => stop.Token;

    /// <summary>Queues 16 kHz speech, sent after what is already queued.</summary>
    public void Say(short[] pcm)
    {
        for (var offset = 0; offset < pcm.Length; offset += FrameSamples)
        {
            var frame = new short[FrameSamples];
            pcm.AsSpan(offset, Math.Min(FrameSamples, pcm.Length - offset)).CopyTo(frame);
            outgoing.Enqueue(frame);
        }
    }

    /// <summary>What the caller heard from <paramref name="since"/> (a Stopwatch timestamp) on, 16 kHz.</summary>
    public abstract short[] ReceivedSince(long since);

    /// <summary>When the caller last heard 20 ms of the agent with speech energy (Stopwatch timestamp), or 0.</summary>
    public abstract long LastLoudArrival();

    /// <summary>Ends the call from the caller's side and waits for the edge to confirm.</summary>
    public abstract Task HangUpAsync();

    /// <summary>Waits for the edge to end the call (SIP: its BYE, answered; Twilio: the stream's close); returns why it said it did.</summary>
    public abstract Task<string> WaitForEdgeHangUpAsync();

    /// <summary>Waits until the agent has spoken and then been quiet for <paramref name="quietMs"/>.</summary>
    public async Task WaitForAgentToFinishAsync(int quietMs, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var loud = LastLoudArrival();
            if (loud > start && Stopwatch.GetElapsedTime(loud).TotalMilliseconds >= quietMs)
            {
                return;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("the agent did not speak and finish in time");
    }

    public static bool IsLoud(ReadOnlySpan<short> pcm)
    {
        long energy = 0;
        foreach (var s in pcm)
        {
            energy += s * s;
        }

        return Math.Sqrt(energy / (double)Math.Max(1, pcm.Length)) > 300;
    }

    public async ValueTask DisposeAsync()
    {
        await StopSendingAsync();
        await DisposeTransportAsync();
        stop.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts sending one frame every 20 ms: queued speech, else silence.</summary>
    protected void StartSending() => sending = Task.Run(SendAsync);

    /// <summary>Stops the frames (and everything else waiting on <see cref="Stopping"/>).</summary>
    protected async Task StopSendingAsync()
    {
        await stop.CancelAsync();
        await sending;
    }

    /// <summary>Sends one 20 ms frame of 16 kHz audio on the transport.</summary>
    protected abstract ValueTask SendFrameAsync(short[] frame);

    /// <summary>Releases the transport once the frames have stopped.</summary>
    protected abstract ValueTask DisposeTransportAsync();

    private async Task SendAsync()
    {
        var silence = new short[FrameSamples];
        var speaking = false;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var frame = outgoing.TryDequeue(out var next) ? next : silence;
                if (next is not null && !speaking)
                {
                    Interlocked.Exchange(ref lastSpeechStartedAt, Stopwatch.GetTimestamp());
                }

                speaking = next is not null;
                await SendFrameAsync(frame);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

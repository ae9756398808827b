using System.Diagnostics;
using System.Threading.Channels;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Benchmarks.Conversation;

/// <summary>
/// A call for the latency benchmark, in real time: the caller side delivers one 20 ms frame per tick of a periodic
/// timer, taking samples from <see cref="NextCallerFrame"/>, and playout advances 20 ms per tick like a paced RTP
/// sender. Records the moments the agent first queued audio and cleared playout.
/// </summary>
internal sealed class PacedCallMedia : ICallMedia, IAsyncDisposable
{
    private readonly Channel<AudioFrame> callerAudio = Channel.CreateBounded<AudioFrame>(8);
    private readonly Channel<DtmfDigit> dtmf = Channel.CreateUnbounded<DtmfDigit>();
    private readonly CancellationTokenSource ended = new();
    private readonly Task pump;
    private readonly object gate = new();
    private long queued;
    private long played;

    public PacedCallMedia(Func<long, ReadOnlyMemory<short>> nextCallerFrame)
    {
        NextCallerFrame = nextCallerFrame;
        Description = new CallDescription("bench-" + Guid.NewGuid().ToString("N"), CallTransport.Sip, "+15550199", "+15550100", "G722", DateTimeOffset.UtcNow, new Dictionary<string, string>());
        pump = Task.Run(PumpAsync);
    }

    /// <summary>Samples of the caller's next frame, given the frame number (silence: an empty memory).</summary>
    public Func<long, ReadOnlyMemory<short>> NextCallerFrame { get; }

    /// <summary><see cref="Stopwatch"/> timestamp of the first PlayAsync since <see cref="ResetMarks"/>; 0 when none.</summary>
    public long FirstPlayAt { get; private set; }

    /// <summary><see cref="Stopwatch"/> timestamp of the first ClearPlayout since <see cref="ResetMarks"/>; 0 when none.</summary>
    public long FirstClearAt { get; private set; }

    public CallDescription Description { get; }

    public ChannelReader<AudioFrame> CallerAudio => callerAudio.Reader;

    public ChannelReader<DtmfDigit> CallerDtmf => dtmf.Reader;

    public CancellationToken Ended => ended.Token;

    public CancellationToken EndRequested => CancellationToken.None;

    public string? EndReason { get; private set; }

    public long PlayoutQueuedPosition => Interlocked.Read(ref queued);

    public long PlayoutPlayedPosition => Interlocked.Read(ref played);

    public bool PlayoutIdle => PlayoutQueuedPosition == PlayoutPlayedPosition;

    public void ResetMarks()
    {
        FirstPlayAt = 0;
        FirstClearAt = 0;
    }

    public async ValueTask PlayAsync(ReadOnlyMemory<short> pcm, CancellationToken cancellationToken)
    {
        if (FirstPlayAt == 0)
        {
            FirstPlayAt = Stopwatch.GetTimestamp();
        }

        while (PlayoutQueuedPosition - PlayoutPlayedPosition > 16_000)
        {
            await Task.Delay(5, cancellationToken);
        }

        lock (gate)
        {
            queued += pcm.Length;
        }
    }

    public long ClearPlayout()
    {
        if (FirstClearAt == 0)
        {
            FirstClearAt = Stopwatch.GetTimestamp();
        }

        lock (gate)
        {
            queued = played;
            return played;
        }
    }

    public ValueTask SendDtmfAsync(char digit, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public ValueTask HangUpAsync(string reason, CancellationToken cancellationToken)
    {
        EndReason ??= reason;
        ended.Cancel();
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> TransferAsync(string target, CancellationToken cancellationToken) => ValueTask.FromResult(false);

    public async ValueTask DisposeAsync()
    {
        if (!ended.IsCancellationRequested)
        {
            await HangUpAsync("benchmark-end", CancellationToken.None);
        }

        await pump;
    }

    private async Task PumpAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(AudioFrame.DurationMs));
        long frame = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(ended.Token))
            {
                var audio = AudioFrame.Rent();
                var samples = NextCallerFrame(frame);
                if (samples.IsEmpty)
                {
                    audio.Samples.Clear();
                }
                else
                {
                    samples.Span.CopyTo(audio.Samples);
                }

                audio.Timestamp = frame * AudioFrame.SampleCount;
                await callerAudio.Writer.WriteAsync(audio, ended.Token);
                lock (gate)
                {
                    played = Math.Min(queued, played + AudioFrame.SampleCount);
                }

                frame++;
            }
        }
        catch (OperationCanceledException)
        {
        }

        callerAudio.Writer.TryComplete();
    }
}

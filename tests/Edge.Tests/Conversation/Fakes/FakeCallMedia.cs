using System.Threading.Channels;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Tests.Conversation.Fakes;

/// <summary>
/// An in-process call for conversation tests. A pump plays the caller's side on an accelerated clock: one 20 ms
/// frame about every millisecond, silent unless the test makes the caller "say" something (frames of a constant
/// sample value that the fake STT maps back to words). Each frame also advances playout by 20 ms, like a real
/// transport sending the agent's audio in step with the caller's.
/// </summary>
internal sealed class FakeCallMedia : ICallMedia, IAsyncDisposable
{
    private const int MaxQueuedSamples = 16_000;
    private readonly Channel<AudioFrame> callerAudio = Channel.CreateBounded<AudioFrame>(4);
    private readonly Channel<DtmfDigit> callerDtmf = Channel.CreateUnbounded<DtmfDigit>();
    private readonly CancellationTokenSource ended = new();
    private readonly CancellationTokenSource endRequested = new();
    private readonly CancellationTokenSource pumpStop = new();
    private readonly List<short> accepted = [];
    private readonly object gate = new();
    private readonly Task pump;
    private long queued;
    private long played;
    private int speechFrames;
    private short speechValue;
    private long frames;

    public FakeCallMedia(string to = "+15550100")
    {
        Description = new CallDescription("call-" + Guid.NewGuid().ToString("N"), CallTransport.Sip, "+15550199", to, "G722", DateTimeOffset.UtcNow, new Dictionary<string, string>());
        Ended = ended.Token;
        EndRequested = endRequested.Token;
        pump = Task.Run(PumpAsync);
    }

    public CallDescription Description { get; }

    public ChannelReader<AudioFrame> CallerAudio => callerAudio.Reader;

    public ChannelReader<DtmfDigit> CallerDtmf => callerDtmf.Reader;

    public CancellationToken Ended { get; }

    public CancellationToken EndRequested { get; }

    public string? EndReason { get; private set; }

    public long PlayoutQueuedPosition => Interlocked.Read(ref queued);

    public long PlayoutPlayedPosition => Interlocked.Read(ref played);

    /// <summary>The transport asks the agent to end the call (as at the end of a shutdown's drain).</summary>
    public void RequestEnd() => endRequested.Cancel();

    /// <summary>Caller frames delivered so far (the test's clock, 20 ms each).</summary>
    public long Frames => Interlocked.Read(ref frames);

    public List<long> ClearedAt { get; } = [];

    public List<char> SentDtmf { get; } = [];

    public List<string> TransferTargets { get; } = [];

    public bool TransferSucceeds { get; set; } = true;

    /// <summary>Everything accepted for playout minus what ClearPlayout dropped: what the caller heard, or will.</summary>
    public short[] Audio()
    {
        lock (gate)
        {
            return [.. accepted];
        }
    }

    /// <summary>The caller speaks for <paramref name="ms"/>, with audio carrying <paramref name="value"/> (see FakeSpeechToText).</summary>
    public void Say(short value, int ms)
    {
        Volatile.Write(ref speechValue, value);
        Volatile.Write(ref speechFrames, ms / 20);
    }

    public bool Speaking => Volatile.Read(ref speechFrames) > 0;

    public void Press(char digit) => callerDtmf.Writer.TryWrite(new DtmfDigit(digit, 100));

    public async ValueTask PlayAsync(ReadOnlyMemory<short> pcm, CancellationToken cancellationToken)
    {
        while (PlayoutQueuedPosition - PlayoutPlayedPosition > MaxQueuedSamples)
        {
            await Task.Delay(1, cancellationToken);
        }

        cancellationToken.ThrowIfCancellationRequested();
        lock (gate)
        {
            accepted.AddRange(pcm.Span);
            queued += pcm.Length;
        }
    }

    public long ClearPlayout()
    {
        lock (gate)
        {
            accepted.RemoveRange((int)played, (int)(queued - played));
            queued = played;
            ClearedAt.Add(played);
            return played;
        }
    }

    public ValueTask SendDtmfAsync(char digit, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            SentDtmf.Add(digit);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask HangUpAsync(string reason, CancellationToken cancellationToken)
    {
        End(reason);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> TransferAsync(string target, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            TransferTargets.Add(target);
        }

        if (TransferSucceeds)
        {
            End("transfer");
        }

        return ValueTask.FromResult(TransferSucceeds);
    }

    /// <summary>Ends the call from the caller's side.</summary>
    public void End(string reason)
    {
        EndReason ??= reason;
        ended.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        End("test-end");
        await pumpStop.CancelAsync();
        try
        {
            await pump;
        }
        catch (OperationCanceledException)
        {
        }

        ended.Dispose();
        endRequested.Dispose();
        pumpStop.Dispose();
    }

    private async Task PumpAsync()
    {
        var token = pumpStop.Token;
        while (!token.IsCancellationRequested && !ended.IsCancellationRequested)
        {
            var frame = AudioFrame.Rent();
            var speaking = Interlocked.Decrement(ref speechFrames) >= 0;
            if (!speaking)
            {
                Interlocked.CompareExchange(ref speechFrames, 0, -1);
            }

            frame.Samples.Fill(speaking ? Volatile.Read(ref speechValue) : (short)0);
            frame.Timestamp = Frames * AudioFrame.SampleCount;
            await callerAudio.Writer.WriteAsync(frame, token);
            lock (gate)
            {
                played = Math.Min(queued, played + AudioFrame.SampleCount);
            }

            Interlocked.Increment(ref frames);
            await Task.Delay(1, token);
        }

        callerAudio.Writer.TryComplete();
    }
}

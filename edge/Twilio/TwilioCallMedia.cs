using System.Threading.Channels;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// <see cref="ICallMedia"/> over a Media Streams socket: caller audio and DTMF from the receive loop, playout through
/// <see cref="TwilioPlayout"/> (paced 20 ms <c>media</c>, marks, <c>clear</c>), hang-up closes the stream, transfer is
/// a request to the functions app, digits are played in-band.
/// </summary>
internal sealed class TwilioCallMedia : ICallMedia, IDisposable
{
    private readonly TwilioCallerAudio callerAudio;
    private readonly TwilioPlayout playout;
    private readonly FunctionsCallControl callControl;
    private readonly CancellationTokenSource ended = new();
    private readonly EndRequest endRequested = new();
    private readonly Channel<DtmfDigit> dtmf = Channel.CreateBounded<DtmfDigit>(
        new BoundedChannelOptions(32) { SingleWriter = true, FullMode = BoundedChannelFullMode.DropOldest });

    private string? endReason;
    private int transferred;

    public TwilioCallMedia(CallDescription description, TwilioCallerAudio callerAudio, TwilioPlayout playout, FunctionsCallControl callControl)
    {
        Description = description;
        this.callerAudio = callerAudio;
        this.playout = playout;
        this.callControl = callControl;
        Ended = ended.Token;
    }

    public CallDescription Description { get; }

    public ChannelReader<AudioFrame> CallerAudio => callerAudio.Reader;

    public ChannelReader<DtmfDigit> CallerDtmf => dtmf.Reader;

    /// <summary>Taken at construction: an agent still running after <see cref="Dispose"/> may read it.</summary>
    public CancellationToken Ended { get; }

    public CancellationToken EndRequested => endRequested.Token;

    public string? EndReason => Volatile.Read(ref endReason);

    public long PlayoutQueuedPosition => playout.QueuedPosition;

    public long PlayoutPlayedPosition => playout.PlayedPosition;

    /// <summary>True once the functions app accepted a transfer of this call.</summary>
    public bool Transferred => Volatile.Read(ref transferred) != 0;

    /// <summary>Ends the call with <paramref name="reason"/> (the first reason given wins); false when already ended.</summary>
    public bool End(string reason)
    {
        if (Interlocked.CompareExchange(ref endReason, reason, null) is not null)
        {
            return false;
        }

        callerAudio.Complete();
        dtmf.Writer.TryComplete();
        ended.Cancel();
        return true;
    }

    /// <summary>Asks the agent to end the call soon (the edge is shutting down).</summary>
    public void RequestEnd()
    {
        if (!ended.IsCancellationRequested)
        {
            endRequested.Request();
        }
    }

    /// <summary>A key the caller pressed.</summary>
    public void AddDtmf(char digit) => dtmf.Writer.TryWrite(new DtmfDigit(digit, 0));

    public ValueTask PlayAsync(ReadOnlyMemory<short> pcm, CancellationToken cancellationToken) =>
        ended.IsCancellationRequested ? ValueTask.CompletedTask : playout.PlayAsync(pcm, cancellationToken);

    public long ClearPlayout() => playout.Clear();

    public ValueTask SendDtmfAsync(char digit, CancellationToken cancellationToken) =>
        PlayAsync(InBandDtmf.Render(digit), cancellationToken);

    public ValueTask HangUpAsync(string reason, CancellationToken cancellationToken)
    {
        End(string.IsNullOrEmpty(reason) ? "agent-hangup" : reason);
        return ValueTask.CompletedTask;
    }

    public async ValueTask<bool> TransferAsync(string target, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        if (string.IsNullOrEmpty(Description.TwilioCallSid) || ended.IsCancellationRequested)
        {
            return false;
        }

        var accepted = await callControl.TransferAsync(Description.TwilioCallSid, target, cancellationToken);
        if (accepted)
        {
            Volatile.Write(ref transferred, 1);
        }

        return accepted;
    }

    public void Dispose()
    {
        ended.Dispose();
        endRequested.Dispose();
    }
}

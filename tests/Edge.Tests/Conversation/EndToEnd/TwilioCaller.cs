using System.Diagnostics;
using System.Net.WebSockets;
using VoiceConnector.Edge.Media.Codecs;
using VoiceConnector.Edge.Media.Resampling;
using VoiceConnector.Edge.Tests.Twilio;

namespace VoiceConnector.Edge.Tests.Conversation.EndToEnd;

/// <summary>
/// A caller through Twilio Media Streams: <see cref="TwilioStreamClient"/> plays Twilio on the edge's
/// <c>/twilio/media</c> (signed handshake, <c>connected</c> + <c>start</c>, one 20 ms mu-law <c>media</c> message every
/// 20 ms, marks echoed <see cref="MarkEchoDelayMs"/> after the audio before them has played, <c>stop</c> to hang up).
/// What the caller hears is rebuilt from Twilio's playback buffer: each <c>media</c> plays after what is buffered
/// (from its arrival at the earliest) and a <c>clear</c> cuts what has not been played yet.
/// </summary>
internal sealed class TwilioCaller : ConversationCaller
{
    /// <summary>How long after playing a mark's audio Twilio's echo reaches the edge (network and buffering).</summary>
    public const double MarkEchoDelayMs = 150;

    private readonly TwilioStreamClient client;
    private readonly Resampler down = new(16_000, 8_000);
    private readonly short[] resampled;
    private readonly byte[] muLaw;
    private readonly TwilioPlayback playback = new();

    private TwilioCaller(TwilioStreamClient client)
    {
        this.client = client;
        resampled = new short[down.MaxOutputLength(FrameSamples)];
        muLaw = new byte[resampled.Length];
    }

    public override string HangUpCause => "caller-hangup";

    /// <summary>The Twilio side of the stream, for protocol-level checks.</summary>
    public TwilioStreamClient Stream => client;

    public static async Task<TwilioCaller> CallAsync(Uri streamUri)
    {
        var client = await TwilioStreamClient.ConnectAsync(streamUri, TwilioEdgeFactory.Sign());
        client.MarkEchoDelayMs = MarkEchoDelayMs;
        await client.BeginAsync();
        var caller = new TwilioCaller(client);
        caller.StartSending();
        return caller;
    }

    /// <summary>Stopwatch timestamp of a time of the stream client (ms since it connected).</summary>
    public long ToTimestamp(double ms) => client.StartedAt + (long)(ms * Stopwatch.Frequency / 1000);

    /// <summary>The stream client's time (ms since it connected) of a Stopwatch timestamp.</summary>
    public double ToStreamMs(long timestamp) => Stopwatch.GetElapsedTime(client.StartedAt, timestamp).TotalMilliseconds;

    /// <summary>Gaps the caller heard within the agent's utterances (Twilio's buffer ran dry).</summary>
    public (int Count, double TotalMs) Dropouts => Update(_ => playback.Dropouts);

    public override short[] ReceivedSince(long since)
    {
        var heard = Heard(ToStreamMs(since));
        var up = new Resampler(8_000, 16_000);
        var pcm = new short[up.MaxOutputLength(heard.Length)];
        return pcm[..up.Process(heard, pcm)];
    }

    public override long LastLoudArrival()
    {
        var last = Update(playback.LastLoudStartMs);
        return double.IsNaN(last) ? 0 : ToTimestamp(last);
    }

    /// <summary>Twilio's hang-up: the caller's audio ends, <c>stop</c>, and the edge closes the stream.</summary>
    public override async Task HangUpAsync()
    {
        await StopSendingAsync();
        await client.SendStopAsync();
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
    }

    public override async Task<string> WaitForEdgeHangUpAsync()
    {
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(40));
        return client.CloseDescription ?? "";
    }

    protected override async ValueTask SendFrameAsync(short[] frame)
    {
        var samples = down.Process(frame, resampled);
        var length = MuLaw.Encode(resampled.AsSpan(0, samples), muLaw);
        try
        {
            await client.SendMediaAsync(muLaw.AsSpan(0, length));
        }
        catch (Exception exception) when (exception is WebSocketException or ObjectDisposedException)
        {
            // The edge closed the stream; a real Twilio stops sending then too.
        }
    }

    protected override ValueTask DisposeTransportAsync() => client.DisposeAsync();

    private short[] Heard(double sinceMs) => Update(now => playback.HeardSince(sinceMs, now));

    /// <summary>Brings the playback model up to date with what the client received, then reads it at the current time.</summary>
    private T Update<T>(Func<double, T> read) => client.Read(c =>
    {
        playback.Add(c.Media, c.Clears);
        return read(Stopwatch.GetElapsedTime(c.StartedAt).TotalMilliseconds);
    });
}

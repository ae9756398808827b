using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using VoiceConnector.Edge.Twilio.Protocol;

namespace VoiceConnector.Edge.Tests.Twilio;

/// <summary>
/// Plays Twilio's side of a bidirectional Media Stream against the edge: sends the documented messages (with
/// sequence numbers, chunks and timestamps as Twilio numbers them), collects the edge's media, marks and clears, and
/// models Twilio's playback buffer: a mark is echoed when the audio sent before it would have finished playing, and at
/// once on clear.
/// </summary>
internal sealed class TwilioStreamClient : IAsyncDisposable
{
    private readonly ClientWebSocket socket;
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly Lock gate = new();
    private readonly List<(string Name, double DueMs)> pendingMarks = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task receiveLoop;
    private readonly Task markLoop;
    private double playbackEndMs;
    private long sequence;
    private long chunk;

    private TwilioStreamClient(ClientWebSocket socket)
    {
        this.socket = socket;
        receiveLoop = ReceiveLoopAsync();
        markLoop = MarkLoopAsync();
    }

    /// <summary><see cref="Stopwatch"/> timestamp of the connection: the zero of every time in ms below.</summary>
    public long StartedAt { get; } = Stopwatch.GetTimestamp();

    public string StreamSid { get; } = "MZ" + Guid.NewGuid().ToString("N");

    public string CallSid { get; } = "CA" + Guid.NewGuid().ToString("N");

    /// <summary>Echo marks as Twilio does (true) or never (false).</summary>
    public bool EchoMarks { get; set; } = true;

    /// <summary>Extra delay of every echo (Twilio's network and jitter buffer), in ms; 0 echoes as playback ends.</summary>
    public double MarkEchoDelayMs { get; set; }

    /// <summary>Audio the edge sent, in arrival order, with arrival time (ms since connect).</summary>
    public List<(double AtMs, byte[] Audio)> Media { get; } = [];

    /// <summary>Every message the edge sent, as (event, name-or-empty), in order.</summary>
    public List<(string Event, string Name)> Events { get; } = [];

    /// <summary>Names of the marks echoed back to the edge, in order.</summary>
    public List<string> EchoedMarks { get; } = [];

    /// <summary>The echoes of <see cref="EchoedMarks"/> with the time each was sent (ms since connect).</summary>
    public List<(double AtMs, string Name)> Echoes { get; } = [];

    /// <summary>Arrival times (ms since connect) of the edge's <c>clear</c> messages.</summary>
    public List<double> Clears { get; } = [];

    public WebSocketCloseStatus? CloseStatus => socket.CloseStatus;

    public string? CloseDescription => socket.CloseStatusDescription;

    /// <summary>Completes when the edge closed the stream (or the socket failed).</summary>
    public Task Closed => receiveLoop;

    public static async Task<TwilioStreamClient> ConnectAsync(Uri uri, string? signature, IReadOnlyDictionary<string, string>? headers = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (signature is not null)
        {
            socket.Options.SetRequestHeader("x-twilio-signature", signature);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            socket.Options.SetRequestHeader(name, value);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await socket.ConnectAsync(uri, timeout.Token);
        return new TwilioStreamClient(socket);
    }

    /// <summary>The HTTP status of a refused handshake.</summary>
    public static async Task<HttpStatusCode> HandshakeStatusAsync(Uri uri, string? signature, IReadOnlyDictionary<string, string>? headers = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (signature is not null)
        {
            socket.Options.SetRequestHeader("x-twilio-signature", signature);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            socket.Options.SetRequestHeader(name, value);
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await socket.ConnectAsync(uri, timeout.Token);
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        }
        catch (WebSocketException)
        {
            // Refused: the status is in HttpStatusCode.
        }

        return socket.HttpStatusCode;
    }

    public Task SendConnectedAsync() =>
        SendAsync(new TwilioMessage { Event = "connected", Protocol = "Call", Version = "1.0.0" }, numbered: false);

    public Task SendStartAsync(IReadOnlyDictionary<string, string>? parameters = null) => SendAsync(new TwilioMessage
    {
        Event = "start",
        StreamSid = StreamSid,
        Start = new TwilioStart
        {
            AccountSid = "AC" + new string('0', 32),
            StreamSid = StreamSid,
            CallSid = CallSid,
            Tracks = ["inbound"],
            MediaFormat = new TwilioMediaFormat(TwilioMediaFormat.MuLaw, 8000, 1),
            CustomParameters = parameters ?? new Dictionary<string, string> { ["From"] = "+15550100", ["To"] = "+15550199" },
        },
    });

    /// <summary>connected + start.</summary>
    public async Task BeginAsync()
    {
        await SendConnectedAsync();
        await SendStartAsync();
    }

    public Task SendMediaAsync(ReadOnlySpan<byte> muLaw)
    {
        chunk++;
        return SendAsync(new TwilioMessage
        {
            Event = "media",
            StreamSid = StreamSid,
            Media = new TwilioMedia
            {
                Track = "inbound",
                Chunk = chunk.ToString(CultureInfo.InvariantCulture),
                Timestamp = ((chunk - 1) * 20).ToString(CultureInfo.InvariantCulture),
                Payload = Convert.ToBase64String(muLaw),
            },
        });
    }

    /// <summary>Sends audio in 20 ms media messages at real time.</summary>
    public async Task StreamAudioAsync(byte[] muLaw, CancellationToken cancellationToken = default)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        for (var offset = 0; offset < muLaw.Length; offset += 160)
        {
            await SendMediaAsync(muLaw.AsSpan(offset, Math.Min(160, muLaw.Length - offset)));
            await timer.WaitForNextTickAsync(cancellationToken);
        }
    }

    public Task SendDtmfAsync(char digit) => SendAsync(new TwilioMessage
    {
        Event = "dtmf",
        StreamSid = StreamSid,
        Dtmf = new TwilioDtmf("inbound_track", digit.ToString()),
    });

    public Task SendStopAsync() => SendAsync(new TwilioMessage
    {
        Event = "stop",
        StreamSid = StreamSid,
        Stop = new TwilioStop("AC" + new string('0', 32), CallSid),
    });

    /// <summary>Skips sequence numbers and chunks, as if Twilio lost messages.</summary>
    public void Skip(int messages)
    {
        sequence += messages;
        chunk += messages;
    }

    public async Task SendRawAsync(string text)
    {
        await sendLock.WaitAsync();
        try
        {
            await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Drops the TCP connection without a close handshake.</summary>
    public void Abort() => socket.Abort();

    /// <summary>Waits until <paramref name="condition"/> holds (checked every 20 ms) or fails after <paramref name="seconds"/>.</summary>
    public async Task WaitForAsync(Func<TwilioStreamClient, bool> condition, double seconds = 10)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            lock (gate)
            {
                if (condition(this))
                {
                    return;
                }
            }

            if (deadline.Elapsed.TotalSeconds > seconds)
            {
                throw new TimeoutException("condition not met in time");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Runs <paramref name="read"/> under the client's lock (the receive loop writes concurrently).</summary>
    public T Read<T>(Func<TwilioStreamClient, T> read)
    {
        lock (gate)
        {
            return read(this);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        if (socket.State == WebSocketState.Open)
        {
            socket.Abort();
        }

        await Task.WhenAll(receiveLoop, markLoop).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        socket.Dispose();
        stop.Dispose();
        sendLock.Dispose();
    }

    private Task SendAsync(TwilioMessage message, bool numbered = true)
    {
        if (numbered)
        {
            sequence++;
            message = message with { SequenceNumber = sequence.ToString(CultureInfo.InvariantCulture) };
        }

        return SendRawAsync(JsonSerializer.Serialize(message, TwilioJsonContext.Default.TwilioMessage));
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(length), stop.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                    return;
                }

                OnMessage(JsonSerializer.Deserialize(buffer.AsSpan(0, length), TwilioJsonContext.Default.TwilioMessage)!);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Dropped or disposed.
        }
    }

    private void OnMessage(TwilioMessage message)
    {
        var now = Stopwatch.GetElapsedTime(StartedAt).TotalMilliseconds;
        lock (gate)
        {
            Events.Add((message.Event, message.Mark?.Name ?? ""));
            switch (message.Event)
            {
                case "media":
                    var audio = Convert.FromBase64String(message.Media!.Payload);
                    Media.Add((now, audio));
                    playbackEndMs = Math.Max(playbackEndMs, now) + (audio.Length / 8.0);
                    break;
                case "mark":
                    pendingMarks.Add((message.Mark!.Name, Math.Max(playbackEndMs, now) + MarkEchoDelayMs));
                    break;
                case "clear":
                    Clears.Add(now);
                    playbackEndMs = now;
                    for (var i = 0; i < pendingMarks.Count; i++)
                    {
                        pendingMarks[i] = (pendingMarks[i].Name, Math.Min(pendingMarks[i].DueMs, now + MarkEchoDelayMs));
                    }

                    break;
            }
        }
    }

    private async Task MarkLoopAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(5, stop.Token);
                var now = Stopwatch.GetElapsedTime(StartedAt).TotalMilliseconds;
                List<string> due = [];
                lock (gate)
                {
                    while (pendingMarks.Count > 0 && pendingMarks[0].DueMs <= now)
                    {
                        due.Add(pendingMarks[0].Name);
                        pendingMarks.RemoveAt(0);
                    }
                }

                foreach (var name in due.Where(_ => EchoMarks && socket.State == WebSocketState.Open))
                {
                    await SendAsync(new TwilioMessage { Event = "mark", StreamSid = StreamSid, Mark = new TwilioMark(name) });
                    var sentAt = Stopwatch.GetElapsedTime(StartedAt).TotalMilliseconds;
                    lock (gate)
                    {
                        EchoedMarks.Add(name);
                        Echoes.Add((sentAt, name));
                    }
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed.
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceConnector.Contracts.Twilio;

namespace VoiceConnector.EndToEnd.Tests.Support;

/// <summary>
/// Twilio's side of a bidirectional Media Stream, as Twilio runs it after reading the TwiML: opens the WebSocket with
/// the signed handshake, sends <c>connected</c> and <c>start</c> (with the TwiML's parameters), then 20 ms mu-law
/// chunks in real time (queued speech, else silence), echoes each <c>mark</c> once the audio sent before it would
/// have played (at once on <c>clear</c>), and ends with <c>stop</c>.
/// </summary>
internal sealed class MediaStreamCaller : IAsyncDisposable
{
    private const int ChunkBytes = 160;
    private readonly ClientWebSocket socket;
    private readonly string streamSid = "MZ" + Guid.NewGuid().ToString("N");
    private readonly string accountSid;
    private readonly string callSid;
    private readonly ConcurrentQueue<byte[]> outgoing = new();
    private readonly ConcurrentQueue<(string Name, long DueAt)> marks = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly CancellationTokenSource stop = new();
    private Task sending = Task.CompletedTask;
    private Task receiving = Task.CompletedTask;
    private long sequence;
    private long playbackEnd;
    private int mediaBytes;
    private long lastAgentAudioAt;
    private int marksEchoed;

    private MediaStreamCaller(ClientWebSocket socket, string accountSid, string callSid)
    {
        this.socket = socket;
        this.accountSid = accountSid;
        this.callSid = callSid;
    }

    /// <summary>Bytes of agent audio received.</summary>
    public int AgentAudioBytes => Volatile.Read(ref mediaBytes);

    /// <summary>Marks echoed back to the edge.</summary>
    public int MarksEchoed => Volatile.Read(ref marksEchoed);

    /// <summary>When the edge's close frame arrived (null until it did).</summary>
    public DateTimeOffset? EdgeClosedAt { get; private set; }

    /// <summary>Completes when the edge has closed the stream (or the socket dropped).</summary>
    public Task Receiving => receiving;

    public static async Task<MediaStreamCaller> ConnectAsync(TwimlStream stream, string authToken, string accountSid, string callSid)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("X-Twilio-Signature", new TwilioSignature(authToken).Compute(stream.Url.OriginalString, null));
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
        {
            await socket.ConnectAsync(stream.Url, timeout.Token);
        }

        var caller = new MediaStreamCaller(socket, accountSid, callSid);
        await caller.SendAsync(new JsonObject { ["event"] = "connected", ["protocol"] = "Call", ["version"] = "1.0.0" }, numbered: false);
        var parameters = new JsonObject();
        foreach (var (name, value) in stream.Parameters)
        {
            parameters[name] = value;
        }

        await caller.SendAsync(new JsonObject
        {
            ["event"] = "start",
            ["streamSid"] = caller.streamSid,
            ["start"] = new JsonObject
            {
                ["accountSid"] = accountSid,
                ["streamSid"] = caller.streamSid,
                ["callSid"] = callSid,
                ["tracks"] = new JsonArray("inbound"),
                ["customParameters"] = parameters,
                ["mediaFormat"] = new JsonObject { ["encoding"] = "audio/x-mulaw", ["sampleRate"] = 8000, ["channels"] = 1 },
            },
        });
        caller.sending = Task.Run(caller.SendLoopAsync);
        caller.receiving = Task.Run(caller.ReceiveLoopAsync);
        return caller;
    }

    /// <summary>Queues mu-law speech, sent in real time after what is already queued.</summary>
    public void Say(byte[] muLaw)
    {
        for (var offset = 0; offset < muLaw.Length; offset += ChunkBytes)
        {
            var chunk = new byte[ChunkBytes];
            chunk.AsSpan().Fill(0xFF);
            muLaw.AsSpan(offset, Math.Min(ChunkBytes, muLaw.Length - offset)).CopyTo(chunk);
            outgoing.Enqueue(chunk);
        }
    }

    /// <summary>Waits until the agent has sent audio after <paramref name="since"/> and then been quiet for <paramref name="quiet"/>.</summary>
    public async Task WaitForAgentToFinishAsync(long since, TimeSpan quiet, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var last = Volatile.Read(ref lastAgentAudioAt);
            if (last > since && Stopwatch.GetElapsedTime(Math.Max(last, Volatile.Read(ref playbackEnd))) >= quiet)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the agent did not speak and finish in time");
    }

    public bool Speaking => !outgoing.IsEmpty;

    /// <summary>The caller hangs up: Twilio sends <c>stop</c> and closes the socket.</summary>
    public async Task HangUpAsync()
    {
        await stop.CancelAsync();
        await sending;
        await SendAsync(new JsonObject
        {
            ["event"] = "stop",
            ["streamSid"] = streamSid,
            ["stop"] = new JsonObject { ["accountSid"] = accountSid, ["callSid"] = callSid },
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "stop", timeout.Token);
            await receiving.WaitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // The edge closed first.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        socket.Abort();
        try
        {
            await Task.WhenAll(sending, receiving);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Aborted.
        }

        socket.Dispose();
        stop.Dispose();
        sendLock.Dispose();
    }

    private async Task SendLoopAsync()
    {
        var silence = new byte[ChunkBytes];
        silence.AsSpan().Fill(0xFF);
        var chunkNumber = 0L;
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var chunk = outgoing.TryDequeue(out var next) ? next : silence;
                chunkNumber++;
                await SendAsync(new JsonObject
                {
                    ["event"] = "media",
                    ["streamSid"] = streamSid,
                    ["media"] = new JsonObject
                    {
                        ["track"] = "inbound",
                        ["chunk"] = chunkNumber.ToString(CultureInfo.InvariantCulture),
                        ["timestamp"] = (chunkNumber * 20).ToString(CultureInfo.InvariantCulture),
                        ["payload"] = Convert.ToBase64String(chunk),
                    },
                });
                await EchoDueMarksAsync(all: false);
            }
        }
        catch (OperationCanceledException)
        {
            // Hung up.
        }
        catch (WebSocketException)
        {
            // The edge ended the call.
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State == WebSocketState.Open || socket.State == WebSocketState.CloseSent)
            {
                using var message = new MemoryStream();
                WebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(buffer, CancellationToken.None);
                    message.Write(buffer, 0, result.Count);
                }
                while (!result.EndOfMessage);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    EdgeClosedAt = DateTimeOffset.UtcNow;
                    return;
                }

                await HandleAsync(JsonNode.Parse(message.ToArray())!);
            }
        }
        catch (WebSocketException)
        {
            // Closed under us.
        }
    }

    private async Task HandleAsync(JsonNode message)
    {
        switch ((string?)message["event"])
        {
            case "media":
                var audio = Convert.FromBase64String((string)message["media"]!["payload"]!);
                Interlocked.Add(ref mediaBytes, audio.Length);
                var now = Stopwatch.GetTimestamp();
                var end = Math.Max(Volatile.Read(ref playbackEnd), now) + (Stopwatch.Frequency * audio.Length / 8000);
                Volatile.Write(ref playbackEnd, end);
                Volatile.Write(ref lastAgentAudioAt, now);
                break;
            case "mark":
                marks.Enqueue(((string)message["mark"]!["name"]!, Math.Max(Volatile.Read(ref playbackEnd), Stopwatch.GetTimestamp())));
                break;
            case "clear":
                Volatile.Write(ref playbackEnd, Stopwatch.GetTimestamp());
                await EchoDueMarksAsync(all: true);
                break;
            default:
                break;
        }
    }

    private async Task EchoDueMarksAsync(bool all)
    {
        while (marks.TryPeek(out var mark) && (all || mark.DueAt <= Stopwatch.GetTimestamp()) && marks.TryDequeue(out mark))
        {
            await SendAsync(new JsonObject { ["event"] = "mark", ["streamSid"] = streamSid, ["mark"] = new JsonObject { ["name"] = mark.Name } });
            Interlocked.Increment(ref marksEchoed);
        }
    }

    private async Task SendAsync(JsonObject message, bool numbered = true)
    {
        await sendLock.WaitAsync();
        try
        {
            if (numbered)
            {
                message["sequenceNumber"] = (++sequence).ToString(CultureInfo.InvariantCulture);
            }

            var bytes = Encoding.UTF8.GetBytes(message.ToJsonString(new JsonSerializerOptions()));
            await socket.SendAsync(bytes, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            sendLock.Release();
        }
    }
}

using System.Buffers;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace VoiceConnector.Edge.LoadTests;

/// <summary>
/// One simulated Twilio Media Stream: connected + start, then a 20 ms <c>media</c> message every 20 ms; records the
/// spacing of the edge's <c>media</c> messages and echoes its marks at once.
/// </summary>
internal sealed class LoadStream : IAsyncDisposable
{
    private const int WarmUpFrames = 10;

    private readonly ClientWebSocket socket = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly CancellationTokenSource stop = new();
    private readonly ArrayBufferWriter<byte> buffer = new(1024);
    private readonly string streamSid = "MZ" + Guid.NewGuid().ToString("N");
    private readonly string[] frames;
    private readonly SpacingHistogram spacing;
    private Task running = Task.CompletedTask;
    private long sequence;
    private long lastArrival;
    private long received;

    private LoadStream(string[] frames, SpacingHistogram spacing)
    {
        this.frames = frames;
        this.spacing = spacing;
    }

    /// <summary>Spacing is recorded only while true.</summary>
    public static volatile bool Recording;

    public long MediaReceived => Interlocked.Read(ref received);

    public bool HeardAudio { get; private set; }

    public string? Failure { get; private set; }

    public static async Task<LoadStream> OpenAsync(Uri uri, string signature, string[] frames, SpacingHistogram spacing)
    {
        var stream = new LoadStream(frames, spacing);
        stream.socket.Options.SetRequestHeader("x-twilio-signature", signature);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await stream.socket.ConnectAsync(uri, timeout.Token);
        await stream.SendAsync(w => { w.WriteString("event", "connected"); w.WriteString("protocol", "Call"); w.WriteString("version", "1.0.0"); }, false);
        await stream.SendAsync(stream.WriteStart, true);
        stream.running = Task.WhenAll(stream.SendLoopAsync(), stream.ReceiveLoopAsync());
        return stream;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await SendAsync(w => w.WriteString("event", "stop"), true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // Already gone.
        }

        socket.Abort();
        await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        socket.Dispose();
        sendLock.Dispose();
        stop.Dispose();
    }

    private void WriteStart(Utf8JsonWriter w)
    {
        w.WriteString("event", "start");
        w.WriteStartObject("start");
        w.WriteString("accountSid", "AC00000000000000000000000000000000");
        w.WriteString("streamSid", streamSid);
        w.WriteString("callSid", "CA" + streamSid[2..]);
        w.WriteStartArray("tracks");
        w.WriteStringValue("inbound");
        w.WriteEndArray();
        w.WriteStartObject("mediaFormat");
        w.WriteString("encoding", "audio/x-mulaw");
        w.WriteNumber("sampleRate", 8000);
        w.WriteNumber("channels", 1);
        w.WriteEndObject();
        w.WriteStartObject("customParameters");
        w.WriteString("From", "+15550100");
        w.WriteString("To", "+15550199");
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private async Task SendAsync(Action<Utf8JsonWriter> body, bool numbered)
    {
        await sendLock.WaitAsync();
        try
        {
            buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                body(writer);
                if (numbered)
                {
                    writer.WriteString("sequenceNumber", (++sequence).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    writer.WriteString("streamSid", streamSid);
                }

                writer.WriteEndObject();
            }

            await socket.SendAsync(buffer.WrittenMemory, WebSocketMessageType.Text, true, stop.Token);
        }
        finally
        {
            sendLock.Release();
        }
    }

    private async Task SendLoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        long chunk = 0;
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                var payload = frames[chunk % frames.Length];
                chunk++;
                await SendAsync(
                    w =>
                    {
                        w.WriteString("event", "media");
                        w.WriteStartObject("media");
                        w.WriteString("track", "inbound");
                        w.WriteString("chunk", chunk.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        w.WriteString("timestamp", ((chunk - 1) * 20).ToString(System.Globalization.CultureInfo.InvariantCulture));
                        w.WriteString("payload", payload);
                        w.WriteEndObject();
                    },
                    true);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            Failure ??= stop.IsCancellationRequested ? null : "send: " + exception.Message;
        }
    }

    private async Task ReceiveLoopAsync()
    {
        var message = new byte[8192];
        try
        {
            while (true)
            {
                var length = 0;
                ValueWebSocketReceiveResult result;
                do
                {
                    result = await socket.ReceiveAsync(message.AsMemory(length), stop.Token);
                    length += result.Count;
                }
                while (!result.EndOfMessage && result.MessageType != WebSocketMessageType.Close);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    Failure ??= stop.IsCancellationRequested ? null : $"closed by edge: {socket.CloseStatus} {socket.CloseStatusDescription}";
                    return;
                }

                OnMessage(message.AsSpan(0, length));
                if (message.AsSpan(0, length).StartsWith("{\"event\":\"mark\""u8))
                {
                    var name = MarkName(message.AsSpan(0, length));
                    await SendAsync(w => { w.WriteString("event", "mark"); w.WriteStartObject("mark"); w.WriteString("name", name); w.WriteEndObject(); }, true);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            Failure ??= stop.IsCancellationRequested ? null : "receive: " + exception.Message;
        }
    }

    private void OnMessage(ReadOnlySpan<byte> json)
    {
        if (!json.StartsWith("{\"event\":\"media\""u8))
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var count = Interlocked.Increment(ref received);
        if (count > WarmUpFrames && Recording)
        {
            spacing.Record(Stopwatch.GetElapsedTime(lastArrival, now).TotalMilliseconds);
        }

        lastArrival = now;
        if (!HeardAudio && json.IndexOf("\"payload\":\"//////"u8) < 0)
        {
            HeardAudio = true;
        }
    }

    private static string MarkName(ReadOnlySpan<byte> json)
    {
        var start = json.IndexOf("\"name\":\""u8) + 8;
        var end = json[start..].IndexOf((byte)'"');
        return Encoding.UTF8.GetString(json.Slice(start, end));
    }
}

using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace VoiceConnector.Edge.LoadTests;

/// <summary>
/// One simulated Twilio Media Stream on a non-blocking socket, driven by <see cref="LoadClient"/>'s thread: a 20 ms
/// <c>media</c> message each time its send slot comes round; the edge's <c>media</c> messages timed as they arrive
/// (the spacing the caller would hear), and its marks echoed at once.
/// </summary>
internal sealed class LoadStream
{
    private const int WarmUpFrames = 10;

    private readonly Socket socket;
    private readonly byte[][] frames;
    private readonly SpacingHistogram spacing;
    private readonly ClientFrame frame;
    private readonly byte[] streamSid;
    private readonly byte[] received = new byte[64 * 1024];
    private byte[] unsent = [];
    private int unsentLength;
    private int receivedLength;
    private long sequence;
    private long chunk;
    private long lastArrival;
    private long mediaReceived;

    public LoadStream(Socket socket, byte[][] frames, SpacingHistogram spacing)
    {
        this.socket = socket;
        this.frames = frames;
        this.spacing = spacing;
        var sid = "MZ" + Guid.NewGuid().ToString("N");
        streamSid = Encoding.ASCII.GetBytes(sid);
        frame = new ClientFrame((uint)Random.Shared.Next());
        Handle = socket.Handle;
    }

    /// <summary>Spacing is recorded only while true.</summary>
    public static volatile bool Recording;

    public nint Handle { get; }

    public long MediaReceived => Interlocked.Read(ref mediaReceived);

    public bool HeardAudio { get; private set; }

    public string? Failure { get; private set; }

    /// <summary>Sends <c>connected</c> and <c>start</c> on the still-blocking socket, then makes it non-blocking.</summary>
    public void Start()
    {
        frame.Begin().Append("{\"event\":\"connected\",\"protocol\":\"Call\",\"version\":\"1.0.0\"}"u8).Finish(ClientFrame.Text);
        socket.Send(frame.Bytes);
        frame.Begin().Append("{\"event\":\"start\",\"sequenceNumber\":\""u8).Append(++sequence)
            .Append("\",\"start\":{\"accountSid\":\"AC00000000000000000000000000000000\",\"streamSid\":\""u8).Append(streamSid)
            .Append("\",\"callSid\":\"CA"u8).Append(streamSid.AsSpan(2))
            .Append("\",\"tracks\":[\"inbound\"],\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,\"channels\":1},\"customParameters\":{\"From\":\"+15550100\",\"To\":\"+15550199\"}},\"streamSid\":\""u8)
            .Append(streamSid).Append("\"}"u8).Finish(ClientFrame.Text);
        socket.Send(frame.Bytes);
        socket.Blocking = false;
    }

    /// <summary>The next 20 ms of caller audio.</summary>
    public void SendMedia()
    {
        var payload = frames[chunk % frames.Length];
        chunk++;
        frame.Begin().Append("{\"event\":\"media\",\"sequenceNumber\":\""u8).Append(++sequence)
            .Append("\",\"media\":{\"track\":\"inbound\",\"chunk\":\""u8).Append(chunk)
            .Append("\",\"timestamp\":\""u8).Append((chunk - 1) * 20)
            .Append("\",\"payload\":\""u8).Append(payload)
            .Append("\"},\"streamSid\":\""u8).Append(streamSid).Append("\"}"u8).Finish(ClientFrame.Text);
        Send(frame.Bytes);
    }

    /// <summary>Reads everything the edge sent; <paramref name="now"/> is when the data was seen.</summary>
    public void OnReadable(long now)
    {
        while (Failure is null)
        {
            var count = socket.Receive(received.AsSpan(receivedLength), SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                return;
            }

            if (error != SocketError.Success || count == 0)
            {
                Fail(error == SocketError.Success ? "connection closed by edge" : "receive: " + error);
                return;
            }

            receivedLength += count;
            ParseFrames(now);
            if (receivedLength == received.Length)
            {
                Fail("a frame larger than the receive buffer");
            }
        }
    }

    /// <summary>Sends <c>stop</c> and a close frame (best effort, blocking briefly), then closes the socket.</summary>
    public void Close()
    {
        try
        {
            if (Failure is null)
            {
                socket.Blocking = true;
                frame.Begin().Append("{\"event\":\"stop\",\"sequenceNumber\":\""u8).Append(++sequence)
                    .Append("\",\"streamSid\":\""u8).Append(streamSid).Append("\"}"u8).Finish(ClientFrame.Text);
                socket.Send(frame.Bytes);
                frame.Begin().Append([0x03, 0xE8]).Finish(ClientFrame.Close);
                socket.Send(frame.Bytes);
            }
        }
        catch (SocketException)
        {
            // Already gone.
        }

        socket.Dispose();
    }

    private void ParseFrames(long now)
    {
        var offset = 0;
        while (receivedLength - offset >= 2)
        {
            var head = received.AsSpan(offset, receivedLength - offset);
            var opcode = head[0] & 0x0F;
            var length = (long)(head[1] & 0x7F);
            var headerLength = 2;
            if (length == 126)
            {
                if (head.Length < 4)
                {
                    break;
                }

                length = BinaryPrimitives.ReadUInt16BigEndian(head[2..]);
                headerLength = 4;
            }
            else if (length == 127)
            {
                if (head.Length < 10)
                {
                    break;
                }

                length = (long)BinaryPrimitives.ReadUInt64BigEndian(head[2..]);
                headerLength = 10;
            }

            if ((head[1] & 0x80) != 0 || (head[0] & 0x80) == 0 || length > received.Length)
            {
                Fail("bad frame from edge (masked, fragmented or too large)");
                return;
            }

            if (head.Length < headerLength + length)
            {
                break;
            }

            OnFrame(opcode, head.Slice(headerLength, (int)length), now);
            offset += headerLength + (int)length;
        }

        received.AsSpan(offset, receivedLength - offset).CopyTo(received);
        receivedLength -= offset;
    }

    private void OnFrame(int opcode, ReadOnlySpan<byte> payload, long now)
    {
        switch (opcode)
        {
            case ClientFrame.Text when payload.StartsWith("{\"event\":\"media\","u8):
                var count = Interlocked.Increment(ref mediaReceived);
                if (count > WarmUpFrames && Recording)
                {
                    spacing.Record(Stopwatch.GetElapsedTime(lastArrival, now).TotalMilliseconds);
                }

                lastArrival = now;
                if (!HeardAudio && payload.IndexOf("\"payload\":\"//////"u8) < 0)
                {
                    HeardAudio = true;
                }

                break;
            case ClientFrame.Text when payload.StartsWith("{\"event\":\"mark\","u8):
                var start = payload.IndexOf("\"name\":\""u8) + 8;
                var end = payload[start..].IndexOf((byte)'"');
                frame.Begin().Append("{\"event\":\"mark\",\"sequenceNumber\":\""u8).Append(++sequence)
                    .Append("\",\"streamSid\":\""u8).Append(streamSid)
                    .Append("\",\"mark\":{\"name\":\""u8).Append(payload.Slice(start, end)).Append("\"}}"u8).Finish(ClientFrame.Text);
                Send(frame.Bytes);
                break;
            case ClientFrame.Close:
                var code = payload.Length >= 2 ? BinaryPrimitives.ReadUInt16BigEndian(payload) : 0;
                Fail($"closed by edge: {code} {Encoding.UTF8.GetString(payload[Math.Min(2, payload.Length)..])}");
                break;
            case 0x9: // ping
                frame.Begin().Append(payload).Finish(ClientFrame.Pong);
                Send(frame.Bytes);
                break;
        }
    }

    /// <summary>Sends a frame, keeping what the socket did not take (a slow edge) to send first next time.</summary>
    private void Send(ReadOnlySpan<byte> bytes)
    {
        if (Failure is not null)
        {
            return;
        }

        if (unsentLength > 0 && !Flush())
        {
            Queue(bytes);
            return;
        }

        var sent = socket.Send(bytes, SocketFlags.None, out var error);
        if (error is not (SocketError.Success or SocketError.WouldBlock))
        {
            Fail("send: " + error);
            return;
        }

        if (sent < bytes.Length)
        {
            Queue(bytes[Math.Max(0, sent)..]);
        }
    }

    private bool Flush()
    {
        var sent = socket.Send(unsent.AsSpan(0, unsentLength), SocketFlags.None, out var error);
        if (error is not (SocketError.Success or SocketError.WouldBlock))
        {
            Fail("send: " + error);
            return false;
        }

        sent = Math.Max(0, sent);
        unsent.AsSpan(sent, unsentLength - sent).CopyTo(unsent);
        unsentLength -= sent;
        return unsentLength == 0;
    }

    private void Queue(ReadOnlySpan<byte> bytes)
    {
        if (unsentLength + bytes.Length > 1024 * 1024)
        {
            Fail("the edge stopped reading (1 MiB unsent)");
            return;
        }

        if (unsent.Length < unsentLength + bytes.Length)
        {
            Array.Resize(ref unsent, Math.Max(4096, (unsentLength + bytes.Length) * 2));
        }

        bytes.CopyTo(unsent.AsSpan(unsentLength));
        unsentLength += bytes.Length;
    }

    private void Fail(string reason) => Failure ??= reason;
}

using System.Buffers.Binary;

namespace VoiceConnector.Edge.Tests.Twilio.Playout;

/// <summary>
/// The wire under a server <see cref="System.Net.WebSockets.WebSocket"/> made with <c>WebSocket.CreateFromStream</c>:
/// keeps what the server writes and hands it back as whole messages (server frames are unmasked, one frame a message).
/// </summary>
internal sealed class WebSocketFrameSink : Stream
{
    private readonly Lock gate = new();
    private readonly List<byte> written = [];
    private int read;

    /// <summary>Readable, as a WebSocket requires; nothing is ever received on it (the socket only sends here).</summary>
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>The payloads of the frames written since the last call, in order.</summary>
    public List<byte[]> TakeMessages()
    {
        List<byte[]> messages = [];
        lock (gate)
        {
            var bytes = written.ToArray();
            while (bytes.Length - read >= 2)
            {
                var length = bytes[read + 1] & 0x7F;
                var header = 2;
                if (length == 126)
                {
                    length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(read + 2));
                    header = 4;
                }
                else if (length == 127)
                {
                    length = (int)BinaryPrimitives.ReadUInt64BigEndian(bytes.AsSpan(read + 2));
                    header = 10;
                }

                if (bytes.Length - read < header + length)
                {
                    break;
                }

                messages.Add(bytes.AsSpan(read + header, length).ToArray());
                read += header + length;
            }
        }

        return messages;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (gate)
        {
            written.AddRange(buffer);
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

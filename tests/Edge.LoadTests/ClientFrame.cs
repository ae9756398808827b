using System.Buffers.Binary;
using System.Buffers.Text;

namespace VoiceConnector.Edge.LoadTests;

/// <summary>
/// Builds the client's WebSocket frames (RFC 6455 §5.2: FIN, opcode, masked payload) and the JSON of its messages
/// into one reused buffer, without allocating.
/// </summary>
internal sealed class ClientFrame
{
    public const byte Text = 0x1;
    public const byte Close = 0x8;
    public const byte Pong = 0xA;

    private const int HeaderRoom = 8; // 2 bytes + 16-bit length + 4-byte mask: enough for messages under 64 KiB

    private readonly byte[] buffer = new byte[4096];
    private readonly uint mask;
    private int length;

    public ClientFrame(uint mask) => this.mask = mask;

    /// <summary>The finished frame.</summary>
    public ReadOnlySpan<byte> Bytes => buffer.AsSpan(0, length);

    /// <summary>Starts a new message's payload.</summary>
    public ClientFrame Begin()
    {
        length = HeaderRoom;
        return this;
    }

    public ClientFrame Append(ReadOnlySpan<byte> text)
    {
        text.CopyTo(buffer.AsSpan(length));
        length += text.Length;
        return this;
    }

    public ClientFrame Append(long number)
    {
        Utf8Formatter.TryFormat(number, buffer.AsSpan(length), out var written);
        length += written;
        return this;
    }

    /// <summary>Puts the header in front of the payload and masks it; <see cref="Bytes"/> is then the frame.</summary>
    public void Finish(byte opcode)
    {
        var payload = length - HeaderRoom;
        var header = payload < 126 ? 6 : 8;
        var start = HeaderRoom - header;
        buffer[start] = (byte)(0x80 | opcode);
        if (payload < 126)
        {
            buffer[start + 1] = (byte)(0x80 | payload);
        }
        else
        {
            buffer[start + 1] = 0x80 | 126;
            BinaryPrimitives.WriteUInt16BigEndian(buffer.AsSpan(start + 2), (ushort)payload);
        }

        BinaryPrimitives.WriteUInt32BigEndian(buffer.AsSpan(HeaderRoom - 4), mask);
        Span<byte> key = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(key, mask);
        var body = buffer.AsSpan(HeaderRoom, payload);
        for (var i = 0; i < body.Length; i++)
        {
            body[i] ^= key[i & 3];
        }

        // Move the frame to the front so Bytes starts at 0.
        buffer.AsSpan(start, header + payload).CopyTo(buffer);
        length = header + payload;
    }
}

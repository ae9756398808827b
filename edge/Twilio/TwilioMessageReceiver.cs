using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;

namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// Reads whole WebSocket messages of a stream into a pooled buffer that grows up to a limit, with a payload buffer
/// of the same size for decoded audio. One per stream; buffers go back to the pool on dispose.
/// </summary>
internal sealed class TwilioMessageReceiver : IDisposable
{
    private const int InitialSize = 2048;

    private readonly WebSocket socket;
    private readonly int maxBytes;
    private byte[] message = ArrayPool<byte>.Shared.Rent(InitialSize);
    private byte[] payload = ArrayPool<byte>.Shared.Rent(InitialSize);

    public TwilioMessageReceiver(WebSocket socket, int maxBytes)
    {
        this.socket = socket;
        this.maxBytes = maxBytes;
    }

    /// <summary>Kind of the last message read.</summary>
    public WebSocketMessageType Type { get; private set; }

    /// <summary>True when the last message was larger than the limit (its rest is left unread).</summary>
    public bool TooLarge { get; private set; }

    /// <summary>The last message read.</summary>
    public ReadOnlySpan<byte> Message => message.AsSpan(0, Length);

    /// <summary>Room for the decoded payload of the last message (never smaller than the message).</summary>
    public Span<byte> Payload => payload;

    private int Length { get; set; }

    /// <summary>Reads the next whole message; false when the peer closed (or it was too large: see <see cref="TooLarge"/>).</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<bool> ReceiveAsync(CancellationToken cancellationToken)
    {
        Length = 0;
        while (true)
        {
            if (Length == message.Length && !Grow())
            {
                TooLarge = true;
                return false;
            }

            var result = await socket.ReceiveAsync(message.AsMemory(Length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                Type = WebSocketMessageType.Close;
                return false;
            }

            Length += result.Count;
            if (Length > maxBytes)
            {
                TooLarge = true;
                return false;
            }

            if (result.EndOfMessage)
            {
                Type = result.MessageType;
                return true;
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(message);
        ArrayPool<byte>.Shared.Return(payload);
        message = [];
        payload = [];
    }

    private bool Grow()
    {
        if (message.Length > maxBytes)
        {
            return false;
        }

        var size = Math.Min(message.Length * 2, maxBytes + 1);
        var bigger = ArrayPool<byte>.Shared.Rent(size);
        message.AsSpan(0, Length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(message);
        message = bigger;
        ArrayPool<byte>.Shared.Return(payload);
        payload = ArrayPool<byte>.Shared.Rent(size);
        return true;
    }
}

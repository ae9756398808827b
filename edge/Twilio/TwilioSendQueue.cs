using System.Net.WebSockets;
using System.Threading.Channels;
using VoiceConnector.Edge.Twilio.Protocol;

namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// The one writer of a stream's socket: messages are queued without waiting (from the pacing clock's thread, the
/// agent or the receive loop) and sent in order by <see cref="RunAsync"/>. Bounded; a full queue refuses.
/// </summary>
internal sealed class TwilioSendQueue
{
    private const int Capacity = 64;

    // Lock-free single-consumer queue (the pacing clock must never wait on a lock the sender holds); bounded by Pending.
    private readonly Channel<TwilioOutgoingMessage> queue = Channel.CreateUnbounded<TwilioOutgoingMessage>(
        new UnboundedChannelOptions { SingleReader = true });

    private readonly TwilioMetrics metrics;
    private int pending;

    public TwilioSendQueue(TwilioMetrics metrics) => this.metrics = metrics;

    /// <summary>Messages queued and not yet sent.</summary>
    public int Pending => Volatile.Read(ref pending);

    /// <summary>Queues a message (taking ownership of its buffer); false (buffer returned) when full or completed.</summary>
    public bool TryEnqueue(TwilioOutgoingMessage message)
    {
        if (Interlocked.Increment(ref pending) <= Capacity && queue.Writer.TryWrite(message))
        {
            return true;
        }

        Interlocked.Decrement(ref pending);
        message.Return();
        return false;
    }

    /// <summary>No more messages: <see cref="RunAsync"/> ends once the queue is empty.</summary>
    public void Complete() => queue.Writer.TryComplete();

    /// <summary>Sends queued messages until <see cref="Complete"/> and empty, or the socket fails.</summary>
    public async Task RunAsync(WebSocket socket, CancellationToken cancellationToken)
    {
        try
        {
            // Not cancellable (the channel then reuses its waiter, no allocation per wait): Complete() ends the loop.
            while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
            {
                while (queue.Reader.TryRead(out var message))
                {
                    try
                    {
                        await socket.SendAsync(message.Json, WebSocketMessageType.Text, true, cancellationToken);
                        metrics.MessagesSent.Add(1);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref pending);
                        message.Return();
                    }
                }
            }
        }
        finally
        {
            queue.Writer.TryComplete();
            while (queue.Reader.TryRead(out var left))
            {
                Interlocked.Decrement(ref pending);
                left.Return();
            }
        }
    }
}

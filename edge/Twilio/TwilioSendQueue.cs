using System.Net.WebSockets;
using VoiceConnector.Edge.Twilio.Protocol;

namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// The one writer of a stream's socket. A message is sent at once on the thread that queues it (the pacing clock's
/// for media and marks, so each chunk leaves on its tick), unless another send is in flight: then it waits its turn
/// and the in-flight send's completion sends it. Only short critical sections hold the lock, never a send, so the
/// pacing clock never waits behind a slow socket: a send that does not complete at once finishes asynchronously.
/// Bounded; a full, completed or failed queue refuses.
/// </summary>
internal sealed class TwilioSendQueue
{
    private const int Capacity = 64;

    private readonly Lock gate = new();
    private readonly Queue<TwilioOutgoingMessage> queue = new(Capacity);
    private readonly TaskCompletionSource finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TwilioMetrics metrics;
    private WebSocket? socket;
    private CancellationToken cancellationToken;
    private CancellationTokenRegistration cancelled;
    private bool sending;
    private bool completed;
    private bool failed;
    private int pending;

    public TwilioSendQueue(TwilioMetrics metrics) => this.metrics = metrics;

    /// <summary>Messages queued or being sent.</summary>
    public int Pending => Volatile.Read(ref pending);

    /// <summary>Queues a message (taking ownership of its buffer) and sends it if the socket is free; false (buffer
    /// returned) when full, completed or failed.</summary>
    public bool TryEnqueue(TwilioOutgoingMessage message)
    {
        lock (gate)
        {
            if (completed || failed || queue.Count >= Capacity)
            {
                message.Return();
                return false;
            }

            queue.Enqueue(message);
            Interlocked.Increment(ref pending);
            if (sending || socket is null)
            {
                return true;
            }

            sending = true;
        }

        Pump();
        return true;
    }

    /// <summary>No more messages: <see cref="RunAsync"/> ends once what is queued has been sent.</summary>
    public void Complete()
    {
        lock (gate)
        {
            completed = true;
            FinishIfDoneLocked();
        }
    }

    /// <summary>Starts sending on <paramref name="webSocket"/>; ends after <see cref="Complete"/> and the last send,
    /// or when the socket fails or <paramref name="token"/> is cancelled (what is left is dropped).</summary>
    public Task RunAsync(WebSocket webSocket, CancellationToken token)
    {
        bool start;
        lock (gate)
        {
            socket = webSocket;
            cancellationToken = token;
            start = !sending && queue.Count > 0;
            sending |= start;
        }

        cancelled = token.Register(static state => ((TwilioSendQueue)state!).Fail(), this);
        if (start)
        {
            Pump();
        }

        return finished.Task;
    }

    /// <summary>Sends queued messages on this thread until the queue is empty or a send goes asynchronous.</summary>
    private void Pump()
    {
        while (true)
        {
            TwilioOutgoingMessage message;
            lock (gate)
            {
                if (failed || !queue.TryDequeue(out message))
                {
                    sending = false;
                    FinishIfDoneLocked();
                    return;
                }
            }

            ValueTask send;
            try
            {
                send = socket!.SendAsync(message.Json, WebSocketMessageType.Text, true, cancellationToken);
            }
            catch (Exception exception) when (IsSocketFailure(exception))
            {
                Sent(message, succeeded: false);
                return;
            }

            if (!send.IsCompleted)
            {
                _ = CompleteSendAsync(send, message);
                return;
            }

            if (!Sent(message, TryGetResult(send)))
            {
                return;
            }
        }
    }

    private async Task CompleteSendAsync(ValueTask send, TwilioOutgoingMessage message)
    {
        bool succeeded;
        try
        {
            await send;
            succeeded = true;
        }
        catch (Exception exception) when (IsSocketFailure(exception))
        {
            succeeded = false;
        }

        if (Sent(message, succeeded))
        {
            Pump();
        }
    }

    /// <summary>Accounts for a finished send; false when it failed (the queue is then failed and emptied).</summary>
    private bool Sent(TwilioOutgoingMessage message, bool succeeded)
    {
        Interlocked.Decrement(ref pending);
        message.Return();
        if (succeeded)
        {
            metrics.MessagesSent.Add(1);
            return true;
        }

        lock (gate)
        {
            // This thread was the sender: nobody sends after a failure.
            sending = false;
            FailLocked();
        }

        return false;
    }

    /// <summary>The stream was aborted: what is queued is dropped; a send in flight finishes on its own.</summary>
    private void Fail()
    {
        lock (gate)
        {
            FailLocked();
        }
    }

    private void FailLocked()
    {
        failed = true;
        while (queue.TryDequeue(out var left))
        {
            Interlocked.Decrement(ref pending);
            left.Return();
        }

        // A send still in flight returns through Sent and then Pump, which sees the failure and stops.
        FinishIfDoneLocked();
    }

    private void FinishIfDoneLocked()
    {
        if ((completed || failed) && !sending && queue.Count == 0)
        {
            // Unregister, not Dispose: Dispose would wait for a running Fail callback, which waits for this lock.
            cancelled.Unregister();
            finished.TrySetResult();
        }
    }

    private static bool TryGetResult(ValueTask send)
    {
        try
        {
            send.GetAwaiter().GetResult();
            return true;
        }
        catch (Exception exception) when (IsSocketFailure(exception))
        {
            return false;
        }
    }

    private static bool IsSocketFailure(Exception exception) =>
        exception is WebSocketException or ObjectDisposedException or OperationCanceledException or IOException or InvalidOperationException;
}

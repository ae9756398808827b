using System.Net.WebSockets;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Twilio.Protocol;

namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// One Media Streams socket from <c>connected</c> to close: waits for <c>start</c>, then runs the agent on a
/// <see cref="TwilioCallMedia"/> while the receive loop feeds it, and closes the stream when either side ends the
/// call. Bad input ends the call with a close status that says why; nothing escapes as an exception.
/// </summary>
internal sealed partial class TwilioMediaStreamSession : IDisposable
{
    private static readonly TimeSpan AgentGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan HangUpGrace = TimeSpan.FromSeconds(5);

    private readonly WebSocket socket;
    private readonly TwilioSessionServices services;
    private readonly TwilioSendQueue sendQueue;
    private readonly TwilioInboundCounter counter;
    private readonly CancellationTokenSource abort = new();
    private TwilioCallMedia? call;
    private volatile TwilioStreamEnd? end;
    private Task closing = Task.CompletedTask;

    public TwilioMediaStreamSession(WebSocket socket, TwilioSessionServices services)
    {
        this.socket = socket;
        this.services = services;
        sendQueue = new TwilioSendQueue(services.Metrics);
        counter = new TwilioInboundCounter(services.Metrics);
    }

    /// <summary>Runs the stream until it is closed.</summary>
    public async Task RunAsync(CancellationToken requestAborted)
    {
        using var receiver = new TwilioMessageReceiver(socket, services.Options.MaxMessageBytes);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, abort.Token);
        var start = await AwaitStartAsync(receiver, linked.Token);
        if (start is null)
        {
            var failed = end ?? TwilioStreamEnd.MissingStart;
            if (failed.IsProtocolError)
            {
                services.Metrics.ProtocolErrors.Add(1, new KeyValuePair<string, object?>("error", failed.Reason));
                LogRejectedBeforeStart(services.Logger, failed.Reason);
            }

            await closing;
            await CloseAsync(failed);
            return;
        }

        await RunCallAsync(start, receiver, linked.Token);
    }

    /// <summary>Asks the agent to end the call (after a shutdown's drain period); a stream with no call yet ends now.</summary>
    public void RequestEnd()
    {
        if (Volatile.Read(ref call) is { } live)
        {
            live.RequestEnd();
        }
        else
        {
            Shutdown();
        }
    }

    /// <summary>Ends the stream for a shutdown (after the drain and farewell periods).</summary>
    public void Shutdown()
    {
        if (Volatile.Read(ref call) is { } live)
        {
            EndCall(live, TwilioStreamEnd.Shutdown);
        }
        else
        {
            end = TwilioStreamEnd.Shutdown;
            abort.Cancel();
        }
    }

    public void Dispose() => abort.Dispose();

    private async Task<TwilioStart?> AwaitStartAsync(TwilioMessageReceiver receiver, CancellationToken cancellationToken)
    {
        // No start in time: close the stream politely (cancelling a receive would abort the socket without a close
        // status), and drop it if the peer does not answer the close either.
        var startTimeout = TimeSpan.FromSeconds(services.Options.StartTimeoutSeconds);
        using var timeout = new CancellationTokenSource(startTimeout);
        using var hardStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        hardStop.CancelAfter(startTimeout + CloseGrace);
        using var onTimeout = timeout.Token.Register(() =>
        {
            end = TwilioStreamEnd.MissingStart;
            closing = CloseAsync(TwilioStreamEnd.MissingStart);
        });
        try
        {
            while (true)
            {
                if (!await receiver.ReceiveAsync(hardStop.Token))
                {
                    end ??= receiver.TooLarge ? TwilioStreamEnd.TooLarge : TwilioStreamEnd.MissingStart;
                    return null;
                }

                if (receiver.Type != WebSocketMessageType.Text)
                {
                    counter.CountUnknown();
                    continue;
                }

                var status = TwilioMessageReader.Read(receiver.Message, receiver.Payload, out var message);
                if (status != TwilioReadStatus.Ok)
                {
                    end = EndFor(status);
                    return null;
                }

                counter.Count(message);
                switch (message.Event)
                {
                    case TwilioEventType.Start:
                        return CheckStart(message.Start);
                    case TwilioEventType.Media or TwilioEventType.Dtmf or TwilioEventType.Mark:
                        end = TwilioStreamEnd.MediaBeforeStart;
                        return null;
                    case TwilioEventType.Stop:
                        end = TwilioStreamEnd.MissingStart;
                        return null;
                    default:
                        continue;
                }
            }
        }
        catch (OperationCanceledException)
        {
            end ??= TwilioStreamEnd.MissingStart;
            return null;
        }
        catch (WebSocketException)
        {
            end = TwilioStreamEnd.SocketClosed;
            return null;
        }
    }

    private TwilioStart? CheckStart(TwilioStart? start)
    {
        if (start is null || string.IsNullOrEmpty(start.StreamSid))
        {
            end = TwilioStreamEnd.BadStart;
            return null;
        }

        if (start.MediaFormat is { IsMuLaw8kMono: false })
        {
            end = TwilioStreamEnd.UnsupportedFormat;
            return null;
        }

        return start;
    }

    private async Task RunCallAsync(TwilioStart start, TwilioMessageReceiver receiver, CancellationToken cancellationToken)
    {
        var options = services.Options;
        var callerAudio = new TwilioCallerAudio();
        var playout = new TwilioPlayout(start.StreamSid, options, sendQueue, services.Metrics);
        var live = new TwilioCallMedia(TwilioCallDescription.From(start), callerAudio, playout, services.CallControl);
        Volatile.Write(ref call, live);
        services.Metrics.StreamsActive.Add(1);
        LogStarted(services.Logger, start.StreamSid, start.CallSid);
        var sendTask = sendQueue.RunAsync(socket, cancellationToken);
        var receiveTask = Task.CompletedTask;
        var agentTask = Task.CompletedTask;
        try
        {
            using (services.Clock.Register(playout))
            {
                agentTask = Task.Run(() => RunAgentAsync(live), CancellationToken.None);
                receiveTask = ReceiveCallAsync(receiver, live, callerAudio, playout, cancellationToken);
                var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                using (live.Ended.Register(() => ended.TrySetResult()))
                {
                    await Task.WhenAny(receiveTask, ended.Task);
                }

                await agentTask.WaitAsync(AgentGrace, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            playout.Dispose();
            sendQueue.Complete();
            await sendTask.WaitAsync(CloseGrace, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (end is null && !live.Transferred)
            {
                // The agent ended the call: end it at Twilio before closing, or Twilio would go on to the apology that
                // follows </Connect> for failed streams.
                await HangUpAtTwilioAsync(live);
            }

            await CloseAsync(end ?? new TwilioStreamEnd(live.EndReason ?? "ended", WebSocketCloseStatus.NormalClosure));
            await receiveTask.WaitAsync(CloseGrace, CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            sendQueue.Complete();
            abort.Cancel();
            await Task.WhenAll(receiveTask, sendTask).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            playout.Dispose();
            if (agentTask.IsCompleted)
            {
                // An agent that overran its grace keeps its frames and token; the GC takes them when it ends.
                callerAudio.Dispose();
                live.Dispose();
            }

            services.Metrics.StreamsActive.Add(-1);
            if (end is { IsProtocolError: true } failed)
            {
                services.Metrics.ProtocolErrors.Add(1, new KeyValuePair<string, object?>("error", failed.Reason));
            }

            LogEnded(services.Logger, start.StreamSid, live.EndReason ?? "ended", counter.MissingMessages);
        }
    }

    private async Task RunAgentAsync(TwilioCallMedia live)
    {
        try
        {
            await services.Agent.RunAsync(live, live.Ended);
        }
        catch (OperationCanceledException) when (live.Ended.IsCancellationRequested)
        {
            // The call ended while the agent was waiting.
        }
#pragma warning disable CA1031 // An agent's failure ends its call, never the edge.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogAgentFailed(services.Logger, live.Description.CallId, exception);
            EndCall(live, new TwilioStreamEnd("agent-error", WebSocketCloseStatus.InternalServerError));
        }
        finally
        {
            live.End("agent-finished");
        }
    }

    private async Task ReceiveCallAsync(
        TwilioMessageReceiver receiver, TwilioCallMedia live, TwilioCallerAudio callerAudio, TwilioPlayout playout, CancellationToken cancellationToken)
    {
        var concealment = new TwilioConcealment();
        try
        {
            while (await receiver.ReceiveAsync(cancellationToken))
            {
                if (receiver.Type != WebSocketMessageType.Text)
                {
                    counter.CountUnknown();
                    continue;
                }

                var status = TwilioMessageReader.Read(receiver.Message, receiver.Payload, out var message);
                if (status != TwilioReadStatus.Ok)
                {
                    EndCall(live, EndFor(status));
                    return;
                }

                counter.Count(message);
                switch (message.Event)
                {
                    case TwilioEventType.Media when message.HasPayload && !live.Ended.IsCancellationRequested:
                        var lost = concealment.LostSamples(message.Chunk, message.PayloadLength);
                        if (lost > 0)
                        {
                            callerAudio.WriteSilence(lost);
                        }

                        callerAudio.Write(receiver.Payload[..message.PayloadLength]);
                        break;
                    case TwilioEventType.Dtmf when message.Dtmf is { Digit: [var digit] } && DtmfDigit.IsValid(digit):
                        live.AddDtmf(digit);
                        break;
                    case TwilioEventType.Mark:
                        playout.OnMarkEchoed(message.MarkId);
                        break;
                    case TwilioEventType.Stop:
                        EndCall(live, live.Transferred ? TwilioStreamEnd.Transfer : TwilioStreamEnd.CallerHangUp);
                        break;
                    case TwilioEventType.Start:
                        services.Metrics.ProtocolErrors.Add(1, new KeyValuePair<string, object?>("error", "duplicate-start"));
                        break;
                }
            }

            EndCall(live, receiver.TooLarge ? TwilioStreamEnd.TooLarge : TwilioStreamEnd.SocketClosed);
        }
        catch (OperationCanceledException)
        {
            EndCall(live, TwilioStreamEnd.SocketClosed);
        }
        catch (WebSocketException)
        {
            EndCall(live, TwilioStreamEnd.SocketClosed);
        }
    }

    private void EndCall(TwilioCallMedia live, TwilioStreamEnd reason)
    {
        if (live.End(reason.Reason))
        {
            end = reason;
        }
    }

    private async Task HangUpAtTwilioAsync(TwilioCallMedia live)
    {
        if (string.IsNullOrEmpty(live.Description.TwilioCallSid))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(HangUpGrace);
        try
        {
            if (!await services.CallControl.HangUpAsync(live.Description.TwilioCallSid, timeout.Token))
            {
                LogHangUpFailed(services.Logger, live.Description.TwilioCallSid);
            }
        }
        catch (OperationCanceledException)
        {
            LogHangUpFailed(services.Logger, live.Description.TwilioCallSid);
        }
    }

    private static TwilioStreamEnd EndFor(TwilioReadStatus status) => status switch
    {
        TwilioReadStatus.BadBase64 => TwilioStreamEnd.BadBase64,
        TwilioReadStatus.PayloadTooLarge => TwilioStreamEnd.TooLarge,
        _ => TwilioStreamEnd.MalformedJson,
    };

    private async Task CloseAsync(TwilioStreamEnd reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        using var timeout = new CancellationTokenSource(CloseGrace);
        try
        {
            await socket.CloseOutputAsync(reason.Status, reason.Reason, timeout.Token);
        }
        catch (WebSocketException)
        {
            // The peer is gone already.
        }
        catch (OperationCanceledException)
        {
            // The peer does not read; the connection is dropped when the request ends.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Media stream {StreamSid} started for call {CallSid}")]
    private static partial void LogStarted(ILogger logger, string streamSid, string callSid);

    [LoggerMessage(Level = LogLevel.Information, Message = "Media stream {StreamSid} ended: {Reason} ({Missing} messages missing)")]
    private static partial void LogEnded(ILogger logger, string streamSid, string reason, long missing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media stream closed before start: {Reason}")]
    private static partial void LogRejectedBeforeStart(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallSid} could not be hung up through the functions app; closing its stream lets Twilio play the failure message")]
    private static partial void LogHangUpFailed(ILogger logger, string callSid);

    [LoggerMessage(Level = LogLevel.Error, Message = "Agent failed on call {CallId}")]
    private static partial void LogAgentFailed(ILogger logger, string callId, Exception exception);
}

using System.Threading.Channels;
using Microsoft.Extensions.AI;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Conversation.Fallbacks;
using VoiceConnector.Edge.Conversation.History;
using VoiceConnector.Edge.Conversation.Playout;
using VoiceConnector.Edge.Conversation.Replies;
using VoiceConnector.Edge.Conversation.Tools;
using VoiceConnector.Edge.Conversation.Turns;

namespace VoiceConnector.Edge.Conversation;

#pragma warning disable MEAI001 // ITextToSpeechClient is [Experimental] in Microsoft.Extensions.AI.Abstractions 10.11.

/// <summary>
/// One call's conversation pipeline, with its own cancellation: the caller-audio loop (VAD, turns, barge-in), the
/// DTMF reader and the call-length timer feed a bounded event channel; the conversation loop handles the events in
/// order. Ends when the call ends or the agent hangs up, then submits the call record. Tasks, not threads.
/// </summary>
internal sealed class ConversationSession(ICallMedia call, AgentLookup lookup, ConversationServices services, ILogger logger)
{
    private const int EventCapacity = 16;
    private readonly AgentDefinition agent = lookup.Agent;
    private readonly Channel<ConversationEvent> events = Channel.CreateBounded<ConversationEvent>(
        new BoundedChannelOptions(EventCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var answeredAt = services.Time.GetUtcNow();
        using var scope = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.Ended);
        var token = scope.Token;
        var options = services.Options;
        var timings = agent.Timings;
        var voice = agent.Voice.Length > 0 ? agent.Voice : options.DefaultVoice;
        var promptsTask = services.Prompts.GetAsync(voice, token);

        using var vad = services.VoiceActivity.Create();
        using var recorder = new UtteranceRecorder(options.PreRollMs, options.MaxUtteranceSeconds * 1000);
        var detector = new TurnDetector(options.SpeechOnsetMs, timings.BargeInMinSpeechMs, timings.EndOfTurnSilenceMs);
        var activity = new AgentActivity(call, services.Time);
        var listener = new CallerListener(call, vad, detector, recorder, activity, events.Writer, services.Time, timings.IdleRepromptMs);
        var parts = BuildParts(activity, voice, promptsTask, listener);
        var conversation = new CallConversation(call, agent, services, parts, logger);

        ConversationLog.CallStarted(logger, call.Description.CallId, agent.AgentId);
        activity.MarkBusy();
        var background = new[]
        {
            ListenAsync(listener, scope),
            ReadDtmfAsync(activity, token),
            LimitDurationAsync(activity, TimeSpan.FromSeconds(timings.MaxCallSeconds), token),
            AwaitEndRequestAsync(activity, token),
        };

        var failed = false;
        try
        {
            await conversation.GreetAsync(token).ConfigureAwait(false);
            activity.MarkIdle();
            await foreach (var e in events.Reader.ReadAllAsync(token).ConfigureAwait(false))
            {
                var goesOn = await HandleSafelyAsync(conversation, parts, e, token).ConfigureAwait(false);
                if (!goesOn)
                {
                    break;
                }

                activity.MarkIdle();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The call ended.
        }
        catch (Exception ex)
        {
            failed = true;
            ConversationLog.ConversationFailed(logger, call.Description.CallId, ex);
        }
        finally
        {
            await scope.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(background).ConfigureAwait(false);
            DisposePendingUtterances();
        }

        var outcome = failed ? CallOutcomes.Failed : conversation.Outcome;
        var cause = conversation.EndCause ?? call.EndReason ?? (failed ? "error" : "caller-bye");
        var record = CallRecordBuilder.Build(call.Description, lookup, answeredAt, services.Time.GetUtcNow(), outcome, cause, conversation.Transcript.Snapshot());
        await CallRecordBuilder.SubmitAsync(services.Records, record, logger).ConfigureAwait(false);
    }

    private CallParts BuildParts(AgentActivity activity, string voice, Task<IReadOnlyDictionary<FallbackPrompt, ReadOnlyMemory<short>>> promptsTask, CallerListener listener)
    {
        var options = services.Options;
        var retry = new ServiceRetry(options.ServiceAttempts, TimeSpan.FromMilliseconds(options.RetryBackoffMs), services.Time);
        var tracker = new PlayoutTracker();
        var ttsOptions = new TextToSpeechOptions { VoiceId = voice.Length == 0 ? null : voice, Language = agent.Language };
        var player = new SpeechPlayer(call, services.TextToSpeech, ttsOptions, tracker, retry);
        var tools = new AgentToolbox(agent.Tools);
        var chatOptions = new ChatOptions
        {
            ModelId = agent.Model.Length == 0 ? null : agent.Model,
            Tools = tools.Declarations.Count == 0 ? null : [.. tools.Declarations],
        };

        return new CallParts(
            activity,
            new InterruptibleSpeech(call, activity, tracker, services.Time),
            player,
            new ReplyGenerator(services.Chat, chatOptions, player, retry),
            tools,
            retry,
            kind => promptsTask.IsCompletedSuccessfully ? promptsTask.Result[kind] : FallbackPromptLibrary.Bundled(kind),
            () => listener.CallerSpeaking || events.Reader.Count > 0);
    }

    /// <summary>Handles an event; any unexpected failure gets a spoken apology and the call goes on.</summary>
    private async Task<bool> HandleSafelyAsync(CallConversation conversation, CallParts parts, ConversationEvent e, CancellationToken token)
    {
        try
        {
            return await conversation.HandleAsync(e, token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            ConversationLog.ConversationFailed(logger, call.Description.CallId, ex);
            services.Metrics.Fallback();
            await parts.Player.PlayAsync(services.Prompts.Text(FallbackPrompt.Apology), parts.Prompt(FallbackPrompt.Apology), token).ConfigureAwait(false);
            return true;
        }
    }

    private async Task ListenAsync(CallerListener listener, CancellationTokenSource scope)
    {
        try
        {
            await listener.RunAsync(scope.Token).ConfigureAwait(false);

            // The caller's audio ended: so did the call.
            await scope.CancelAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (scope.IsCancellationRequested)
        {
            // The call ended.
        }
        catch (Exception ex)
        {
            // Without the caller's audio (e.g. the VAD failed) the conversation cannot go on.
            ConversationLog.ConversationFailed(logger, call.Description.CallId, ex);
            await scope.CancelAsync().ConfigureAwait(false);
        }
    }

    private async Task ReadDtmfAsync(AgentActivity activity, CancellationToken token)
    {
        var reader = call.CallerDtmf;
        try
        {
            while (await reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                // Keys pressed in a burst arrive together and are delivered as one message.
                var digits = new System.Text.StringBuilder();
                while (reader.TryRead(out var digit))
                {
                    digits.Append(digit.Digit);
                }

                activity.Interrupt();
                activity.MarkBusy();
                await events.Writer.WriteAsync(new ConversationEvent(ConversationEventKind.Dtmf, Digits: digits.ToString()), token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The call ended.
        }
    }

    private async Task LimitDurationAsync(AgentActivity activity, TimeSpan limit, CancellationToken token)
    {
        try
        {
            await Task.Delay(limit, services.Time, token).ConfigureAwait(false);
            activity.Interrupt();
            await events.Writer.WriteAsync(new ConversationEvent(ConversationEventKind.MaxDuration), token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The call ended first.
        }
    }

    private async Task AwaitEndRequestAsync(AgentActivity activity, CancellationToken token)
    {
        try
        {
            var requested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (call.EndRequested.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), requested))
            {
                await requested.Task.WaitAsync(token).ConfigureAwait(false);
            }

            activity.Interrupt();
            await events.Writer.WriteAsync(new ConversationEvent(ConversationEventKind.EndRequested), token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The call ended first.
        }
    }

    private void DisposePendingUtterances()
    {
        while (events.Reader.TryRead(out var e))
        {
            e.Utterance?.Dispose();
        }
    }
}

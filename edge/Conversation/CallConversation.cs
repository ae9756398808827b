using Microsoft.Extensions.AI;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Conversation.Fallbacks;
using VoiceConnector.Edge.Conversation.History;
using VoiceConnector.Edge.Conversation.Metrics;
using VoiceConnector.Edge.Conversation.Replies;
using VoiceConnector.Edge.Conversation.Tools;
using VoiceConnector.Edge.Conversation.Turns;

namespace VoiceConnector.Edge.Conversation;

#pragma warning disable MEAI001 // ISpeechToTextClient and ITextToSpeechClient are [Experimental] in Microsoft.Extensions.AI.Abstractions 10.11.

/// <summary>
/// What the agent does with each event of one call: transcribe and answer the caller, resume after an empty
/// barge-in, answer key presses, re-prompt a silent caller, run the model's tools, and apologise (never fall silent)
/// when a service fails. Holds the chat history and the transcript. Runs on the call's conversation loop only.
/// </summary>
internal sealed class CallConversation(
    ICallMedia call,
    AgentDefinition agent,
    ConversationServices services,
    CallParts parts,
    ILogger logger)
{
    private readonly ConversationHistory history = new(agent.SystemPrompt);
    private readonly SpeechToTextOptions sttOptions = new() { SpeechLanguage = agent.Language, SpeechSampleRate = 16_000 };
    private string pendingResume = "";
    private int idleReprompts;

    public CallTranscript Transcript { get; } = new();

    /// <summary>Why the agent ended the call (null while it goes on).</summary>
    public string? EndCause { get; private set; }

    public string Outcome { get; private set; } = CallOutcomes.Completed;

    public async Task GreetAsync(CancellationToken token)
    {
        if (string.IsNullOrWhiteSpace(agent.Greeting))
        {
            return;
        }

        await SayTextAsync(agent.Greeting, FallbackPrompt.Greeting, null, token).ConfigureAwait(false);
    }

    /// <summary>Handles one event; false when the call is over.</summary>
    public async Task<bool> HandleAsync(ConversationEvent e, CancellationToken token)
    {
        switch (e.Kind)
        {
            case ConversationEventKind.CallerUtterance:
                using (var utterance = e.Utterance!)
                {
                    return await OnUtteranceAsync(utterance, token).ConfigureAwait(false);
                }

            case ConversationEventKind.Dtmf:
                idleReprompts = 0;
                var text = "The caller pressed " + e.Digits;
                Transcript.Add(new TranscriptTurn(TurnRoles.Event, text, services.Time.GetUtcNow()));
                history.AddUser(text);
                return await RespondAsync(null, token).ConfigureAwait(false);

            case ConversationEventKind.Idle:
                if (++idleReprompts > agent.Timings.MaxIdleReprompts)
                {
                    await SayGoodbyeAndHangUpAsync("idle-timeout", token).ConfigureAwait(false);
                    return false;
                }

                await SayPromptAsync(FallbackPrompt.Reprompt, token).ConfigureAwait(false);
                return true;

            case ConversationEventKind.EndRequested:
                await SayGoodbyeAndHangUpAsync("shutdown", token).ConfigureAwait(false);
                return false;

            default:
                await SayGoodbyeAndHangUpAsync("max-duration", token).ConfigureAwait(false);
                return false;
        }
    }

    /// <summary>Says goodbye (not interruptible) and hangs up.</summary>
    public async Task SayGoodbyeAndHangUpAsync(string cause, CancellationToken token)
    {
        parts.Activity.Closing = true;
        call.ClearPlayout();
        Transcript.Add(new TranscriptTurn(TurnRoles.Agent, services.Prompts.Text(FallbackPrompt.Goodbye), services.Time.GetUtcNow()));
        await parts.Player.PlayAsync(services.Prompts.Text(FallbackPrompt.Goodbye), parts.Prompt(FallbackPrompt.Goodbye), token).ConfigureAwait(false);
        await HangUpAsync(cause, token).ConfigureAwait(false);
    }

    private async Task<bool> OnUtteranceAsync(Utterance utterance, CancellationToken token)
    {
        var clock = new TurnClock(services.Time, utterance.EndOfSpeechTimestamp, utterance.EndOfSpeechAt);
        var text = await TranscribeAsync(utterance, token).ConfigureAwait(false);
        if (text is null)
        {
            await SayPromptAsync(FallbackPrompt.Apology, token).ConfigureAwait(false);
            return true;
        }

        clock.Transcript();
        if (text.Length == 0)
        {
            if (pendingResume.Length > 0)
            {
                // The caller interrupted but said nothing we understood: finish what the agent was saying.
                var resume = pendingResume;
                pendingResume = "";
                await SayTextAsync(resume, FallbackPrompt.Apology, clock, token).ConfigureAwait(false);
            }

            return true;
        }

        idleReprompts = 0;
        pendingResume = "";
        Transcript.Add(new TranscriptTurn(TurnRoles.Caller, text, utterance.StartedAt));
        history.AddUser(text);
        return await RespondAsync(clock, token).ConfigureAwait(false);
    }

    private async Task<string?> TranscribeAsync(Utterance utterance, CancellationToken token)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var wav = utterance.ToWavStream();
                var response = await services.SpeechToText.GetTextAsync(wav, sttOptions, token).ConfigureAwait(false);
                return response.Text?.Trim() ?? "";
            }
            catch (Exception ex) when (!token.IsCancellationRequested)
            {
                if (!await parts.Retry.BeforeRetryAsync(attempt, token).ConfigureAwait(false))
                {
                    ConversationLog.ServiceFailed(logger, call.Description.CallId, "STT", ex);
                    return null;
                }
            }
        }
    }

    /// <summary>Lets the model answer (with tool rounds); false when a tool ended the call.</summary>
    private async Task<bool> RespondAsync(TurnClock? clock, CancellationToken token)
    {
        for (var round = 0; round < services.Options.MaxToolRounds; round++)
        {
            if (parts.CallerIsSpeakingOrWaiting())
            {
                // The caller went on talking: answer once they are done.
                return true;
            }

            var startedAt = services.Time.GetUtcNow();
            var progress = new ReplyProgress();
            var spoken = await parts.Speech.RunAsync(t => parts.Replies.RunAsync(history.Messages, progress, clock, t), progress, token).ConfigureAwait(false);
            var calls = spoken.Interrupted ? [] : progress.ToolCalls;
            if (calls.Count == 0)
            {
                history.AddAssistant(spoken.Heard);
                RecordAgentTurn(spoken, clock, startedAt);
                token.ThrowIfCancellationRequested();
                if (progress.Failure is not null)
                {
                    ConversationLog.ServiceFailed(logger, call.Description.CallId, "LLM/TTS", progress.Failure);
                    await SayPromptAsync(FallbackPrompt.Apology, token).ConfigureAwait(false);
                }

                return true;
            }

            RecordAgentTurn(spoken, clock, startedAt);
            clock = null;
            if (!await RunToolsAsync(spoken.Heard, calls, token).ConfigureAwait(false))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Runs the model's tool calls; false when one ended the call (hang-up, transfer).</summary>
    private async Task<bool> RunToolsAsync(string spokenText, IReadOnlyList<FunctionCallContent> calls, CancellationToken token)
    {
        var results = new List<FunctionResultContent>();
        ToolDecision? ending = null;
        foreach (var toolCall in calls)
        {
            var decision = parts.Tools.Decide(toolCall);
            var result = decision.Result;
            if (decision.Effect == ToolEffect.Transfer)
            {
                var transferred = await call.TransferAsync(decision.Argument, token).ConfigureAwait(false);
                if (!transferred)
                {
                    ConversationLog.TransferFailed(logger, call.Description.CallId);
                }

                result = transferred ? "ok: transferred" : "error: the transfer failed; the caller is still on the line";
                ending ??= transferred ? decision : null;
            }
            else if (decision.Effect == ToolEffect.HangUp)
            {
                ending ??= decision;
            }
            else
            {
                result = await AgentToolbox.ExecuteAsync(decision, call, token).ConfigureAwait(false);
            }

            results.Add(new FunctionResultContent(toolCall.CallId, result));
        }

        history.AddToolRound(spokenText, calls, results);
        if (ending is null)
        {
            return true;
        }

        if (ending.Effect == ToolEffect.Transfer)
        {
            Outcome = CallOutcomes.Transferred;
            EndCause = "transfer";
            return false;
        }

        if (spokenText.Length == 0)
        {
            await SayGoodbyeAndHangUpAsync("agent-hangup", token).ConfigureAwait(false);
        }
        else
        {
            await HangUpAsync("agent-hangup", token).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>Speaks text with the TTS (a pre-rendered prompt if the TTS fails), as an interruptible reply.</summary>
    private async Task SayTextAsync(string text, FallbackPrompt fallback, TurnClock? clock, CancellationToken token)
    {
        var startedAt = services.Time.GetUtcNow();
        var progress = new ReplyProgress();
        progress.AddText(text, "");
        var spoken = await parts.Speech.RunAsync(
            async t =>
            {
                try
                {
                    await parts.Player.SpeakAsync(text, clock, t).ConfigureAwait(false);
                }
                catch (Exception ex) when (!t.IsCancellationRequested)
                {
                    ConversationLog.ServiceFailed(logger, call.Description.CallId, "TTS", ex);
                    services.Metrics.Fallback();
                    await parts.Player.PlayAsync(services.Prompts.Text(fallback), parts.Prompt(fallback), t).ConfigureAwait(false);
                }
            },
            progress,
            token).ConfigureAwait(false);
        history.AddAssistant(spoken.Heard);
        RecordAgentTurn(spoken, clock, startedAt);
    }

    private async Task SayPromptAsync(FallbackPrompt prompt, CancellationToken token)
    {
        if (prompt == FallbackPrompt.Apology)
        {
            services.Metrics.Fallback();
        }

        var startedAt = services.Time.GetUtcNow();
        var text = services.Prompts.Text(prompt);
        var progress = new ReplyProgress();
        progress.AddText(text, "");
        var spoken = await parts.Speech.RunAsync(t => parts.Player.PlayAsync(text, parts.Prompt(prompt), t), progress, token).ConfigureAwait(false);
        history.AddAssistant(spoken.Heard);
        RecordAgentTurn(spoken, null, startedAt);
    }

    private async Task HangUpAsync(string cause, CancellationToken token)
    {
        await parts.Speech.DrainAsync(token).ConfigureAwait(false);
        EndCause = cause;
        await call.HangUpAsync(cause, token).ConfigureAwait(false);
    }

    private void RecordAgentTurn(SpokenReply spoken, TurnClock? clock, DateTimeOffset startedAt)
    {
        var timings = clock?.ToTimings();
        if (timings is not null)
        {
            services.Metrics.Record(timings);
        }

        if (spoken.Interrupted)
        {
            services.Metrics.BargeIn();
            pendingResume = spoken.Unheard;
            ConversationLog.BargeIn(logger, call.Description.CallId, spoken.Heard.Length == 0 ? 0 : spoken.Heard.Split(' ').Length);
        }

        if (spoken.Heard.Length > 0)
        {
            Transcript.Add(new TranscriptTurn(TurnRoles.Agent, spoken.Heard, startedAt, spoken.Interrupted, timings));
        }
    }
}

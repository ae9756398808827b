using VoiceConnector.Contracts;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Conversation.Fallbacks;
using VoiceConnector.Edge.Conversation.History;

namespace VoiceConnector.Edge.Conversation;

/// <summary>
/// The agent that answers calls: looks up the agent for the called number and runs a <see cref="ConversationSession"/>.
/// An agent with id <see cref="EchoAgentId"/> gets the echo test; a number without an agent hears that it is not in
/// service and is hung up on (so is every number when no resolver is configured: neither <c>Agents:File</c> nor
/// <c>Functions:BaseUrl</c>).
/// </summary>
public sealed class ConversationAgent(ConversationServices services, EchoAgent echo, ILogger<ConversationAgent> logger, IAgentResolver? resolver = null) : ICallAgent
{
    /// <summary>Agent id that selects the echo test (load tests, line checks).</summary>
    public const string EchoAgentId = "echo";

    public async Task RunAsync(ICallMedia call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        AgentLookup? lookup;
        try
        {
            lookup = resolver is null ? null : await resolver.ResolveAsync(call.Description, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The lookup failed (functions unreachable): the caller hears an apology rather than silence.
            ConversationLog.ConversationFailed(logger, call.Description.CallId, ex);
            await SayAndHangUpAsync(call, FallbackPrompt.Apology, "agent-lookup-failed", CallOutcomes.Failed, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (lookup is null)
        {
            ConversationLog.NotInService(logger, call.Description.CallId, call.Description.To);
            await SayAndHangUpAsync(call, FallbackPrompt.NotInService, "not-in-service", CallOutcomes.Rejected, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (lookup.Agent.AgentId == EchoAgentId)
        {
            await echo.RunAsync(call, cancellationToken).ConfigureAwait(false);
            return;
        }

        var session = new ConversationSession(call, lookup, services, logger);
        await session.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SayAndHangUpAsync(ICallMedia call, FallbackPrompt prompt, string cause, string outcome, CancellationToken cancellationToken)
    {
        var startedAt = services.Time.GetUtcNow();
        using var scope = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, call.Ended);
        var discard = DiscardCallerAudioAsync(call, scope.Token);
        try
        {
            var prompts = await PromptsWithinAsync(services.Options.DefaultVoice, TimeSpan.FromSeconds(2), scope.Token).ConfigureAwait(false);
            var pcm = prompts?[prompt] ?? FallbackPromptLibrary.Bundled(prompt);
            await call.PlayAsync(pcm, scope.Token).ConfigureAwait(false);
            while (call.PlayoutPlayedPosition < call.PlayoutQueuedPosition)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), services.Time, scope.Token).ConfigureAwait(false);
            }

            await call.HangUpAsync(cause, scope.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (scope.IsCancellationRequested)
        {
            // The caller hung up first.
        }
        finally
        {
            await scope.CancelAsync().ConfigureAwait(false);
            await discard.ConfigureAwait(false);
        }

        var turns = new[] { new TranscriptTurn(TurnRoles.Agent, services.Prompts.Text(prompt), startedAt) };
        var record = CallRecordBuilder.Build(call.Description, null, startedAt, services.Time.GetUtcNow(), outcome, cause, turns);
        await CallRecordBuilder.SubmitAsync(services.Records, record, logger).ConfigureAwait(false);
    }

    /// <summary>Nobody listens on this call: return the caller's frames to the pool as they come.</summary>
    private static async Task DiscardCallerAudioAsync(ICallMedia call, CancellationToken cancellationToken)
    {
        try
        {
            while (await call.CallerAudio.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                while (call.CallerAudio.TryRead(out var frame))
                {
                    frame.Dispose();
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Done: the call ended or was hung up.
        }
    }

    private async Task<IReadOnlyDictionary<FallbackPrompt, ReadOnlyMemory<short>>?> PromptsWithinAsync(string voice, TimeSpan limit, CancellationToken cancellationToken)
    {
        var task = services.Prompts.GetAsync(voice, cancellationToken);
        var finished = await Task.WhenAny(task, Task.Delay(limit, services.Time, cancellationToken)).ConfigureAwait(false);
        return finished == task ? await task.ConfigureAwait(false) : null;
    }
}

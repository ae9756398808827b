using VoiceConnector.Contracts;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Tests.Conversation.Fakes;

/// <summary>Answers every call with one agent, or with none.</summary>
internal sealed class FixedAgentResolver(AgentDefinition? agent) : IAgentResolver
{
    public ValueTask<AgentLookup?> ResolveAsync(CallDescription call, CancellationToken cancellationToken) =>
        ValueTask.FromResult(agent is null ? null : new AgentLookup(call.To, "tenant-1", agent));
}

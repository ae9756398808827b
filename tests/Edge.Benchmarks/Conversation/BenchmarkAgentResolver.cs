using VoiceConnector.Contracts;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Benchmarks.Conversation;

/// <summary>Every call gets the benchmark agent.</summary>
internal sealed class BenchmarkAgentResolver(AgentDefinition agent) : IAgentResolver
{
    public ValueTask<AgentLookup?> ResolveAsync(CallDescription call, CancellationToken cancellationToken) =>
        ValueTask.FromResult<AgentLookup?>(new AgentLookup(call.To, "bench", agent));
}

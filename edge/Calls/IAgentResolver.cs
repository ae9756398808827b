using VoiceConnector.Contracts;

namespace VoiceConnector.Edge.Calls;

/// <summary>Finds the agent that answers a call (by the called number, or the agent a Twilio stream names).</summary>
public interface IAgentResolver
{
    /// <summary>The agent for this call; null when the number has no agent (the caller is told so, politely).</summary>
    ValueTask<AgentLookup?> ResolveAsync(CallDescription call, CancellationToken cancellationToken);
}

namespace VoiceConnector.Contracts;

/// <summary>Answer of <see cref="EdgeApi.AgentByNumberPath"/>: the agent that answers a called number.</summary>
/// <param name="Number">The called number, E.164 (e.g. +14155550100).</param>
/// <param name="TenantId">Owner of the number and agent.</param>
/// <param name="Agent">The agent configuration.</param>
/// <param name="CacheSeconds">How long the edge may serve this answer from its cache.</param>
public sealed record AgentLookup(string Number, string TenantId, AgentDefinition Agent, int CacheSeconds = 60);

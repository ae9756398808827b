using VoiceConnector.Contracts;

namespace VoiceConnector.Functions.Storage;

/// <summary>An agent row: its owner, the definition the edge runs, and when it was written.</summary>
public sealed record StoredAgent(string TenantId, AgentDefinition Definition, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

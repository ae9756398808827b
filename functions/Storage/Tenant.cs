namespace VoiceConnector.Functions.Storage;

/// <summary>A customer: owns API keys, agents, numbers and calls.</summary>
public sealed record Tenant(string Id, string Name, DateTimeOffset CreatedAt);

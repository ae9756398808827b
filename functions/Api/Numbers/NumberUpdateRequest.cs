namespace VoiceConnector.Functions.Api.Numbers;

/// <summary>Body of <c>PATCH /v1/numbers/{id}</c>: the agent that answers the number (null detaches it).</summary>
public sealed record NumberUpdateRequest(string? AgentId);

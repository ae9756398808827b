namespace VoiceConnector.Functions.Api.Calls;

/// <summary>
/// Body of <c>POST /v1/calls</c>: call <see cref="To"/> from <see cref="From"/> (one of the tenant's Twilio numbers);
/// the agent of that number talks, or <see cref="AgentId"/> when given. Requires an <c>Idempotency-Key</c>.
/// </summary>
public sealed record CallRequest(string? From, string? To, string? AgentId = null);

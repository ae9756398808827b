using VoiceConnector.Contracts;

namespace VoiceConnector.Functions.Storage;

/// <summary>A call row: created by an outbound request and/or by the edge's <see cref="CallRecord"/>.</summary>
/// <param name="CallId">The edge's id of the call; null until the edge has reported the call.</param>
/// <param name="Direction">"inbound" or "outbound".</param>
public sealed record StoredCall(
    string Id,
    string? CallId,
    string? TwilioCallSid,
    string? TenantId,
    string? AgentId,
    string Direction,
    string Transport,
    string From,
    string To,
    string Codec,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    string? Outcome,
    string? HangupCause,
    IReadOnlyList<TranscriptTurn> Turns);

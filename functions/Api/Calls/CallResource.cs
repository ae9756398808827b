using System.Text.Json.Serialization;
using VoiceConnector.Contracts;
using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Api.Calls;

/// <summary>
/// A call as the API shows it. The detail (<c>GET /v1/calls/{id}</c>) adds the transcript with per-turn timings and
/// the Twilio status callbacks; the list leaves them out.
/// </summary>
public sealed record CallResource(
    string Id,
    string? CallId,
    string? TwilioCallSid,
    string Direction,
    string Transport,
    string From,
    string To,
    string? AgentId,
    string Codec,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? EndedAt,
    string? Outcome,
    string? HangupCause)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<TranscriptTurn>? Turns { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<StatusEventResource>? StatusEvents { get; init; }

    public static CallResource Of(StoredCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        return new(
            call.Id, call.CallId, call.TwilioCallSid, call.Direction, call.Transport, call.From, call.To, call.AgentId, call.Codec,
            call.StartedAt, call.AnsweredAt, call.EndedAt, call.Outcome, call.HangupCause);
    }
}

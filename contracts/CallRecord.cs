namespace VoiceConnector.Contracts;

/// <summary>
/// What the edge reports about one call at hang-up (<see cref="EdgeApi.CallRecordsPath"/>).
/// <see cref="CallId"/> is the idempotency key: a record posted twice is stored once.
/// </summary>
public sealed record CallRecord
{
    /// <summary>The edge's id of the call (SIP Call-ID, or the Twilio stream SID).</summary>
    public required string CallId { get; init; }
    /// <summary>Twilio's CallSid when the call came through Twilio; joins status callbacks to this record.</summary>
    public string? TwilioCallSid { get; init; }
    /// <summary>"sip" or "twilio".</summary>
    public required string Transport { get; init; }
    public string From { get; init; } = "";
    public string To { get; init; } = "";
    public string? AgentId { get; init; }
    public string? TenantId { get; init; }
    /// <summary>Codec on the caller leg, e.g. "G722", "PCMU", "PCMA".</summary>
    public string Codec { get; init; } = "";
    public required DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? AnsweredAt { get; init; }
    public required DateTimeOffset EndedAt { get; init; }
    /// <summary>See <see cref="CallOutcomes"/>.</summary>
    public string Outcome { get; init; } = CallOutcomes.Completed;
    /// <summary>Who or what ended the call, e.g. "caller-bye", "agent-hangup", "max-duration", "transfer", "error".</summary>
    public string HangupCause { get; init; } = "";
    public IReadOnlyList<TranscriptTurn> Turns { get; init; } = [];
}

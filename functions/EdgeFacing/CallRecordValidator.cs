using VoiceConnector.Contracts;
using VoiceConnector.Functions.Api;

namespace VoiceConnector.Functions.EdgeFacing;

/// <summary>Checks a <see cref="CallRecord"/> from the edge before it is stored.</summary>
public static class CallRecordValidator
{
    public const int MaxTurns = 10_000;

    public static ValidationErrors Validate(CallRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var errors = new ValidationErrors();
        errors.Require(!string.IsNullOrWhiteSpace(record.CallId) && record.CallId.Length <= 256, "callId", "Required, at most 256 characters.");
        errors.Require(record.Transport is "sip" or "twilio", "transport", "Must be 'sip' or 'twilio'.");
        errors.Require(record.EndedAt >= record.StartedAt, "endedAt", "Must not be before startedAt.");
        errors.Require(record.TwilioCallSid is null || record.TwilioCallSid.Length <= 64, "twilioCallSid", "At most 64 characters.");
        errors.Require(record.Turns is not null && record.Turns.Count <= MaxTurns, "turns", $"At most {MaxTurns} turns.");
        foreach (var turn in record.Turns ?? [])
        {
            if (turn is null || turn.Role is not (TurnRoles.Caller or TurnRoles.Agent or TurnRoles.Event) || turn.Text is null)
            {
                errors.Add("turns", "Each turn needs a role (caller, agent or event) and text.");
                break;
            }
        }

        return errors;
    }
}

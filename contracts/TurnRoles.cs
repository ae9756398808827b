namespace VoiceConnector.Contracts;

/// <summary>Values of <see cref="TranscriptTurn.Role"/>.</summary>
public static class TurnRoles
{
    public const string Caller = "caller";
    public const string Agent = "agent";
    /// <summary>A DTMF digit or other non-speech event from the caller.</summary>
    public const string Event = "event";
}

namespace VoiceConnector.Contracts;

/// <summary>One utterance in a call's transcript.</summary>
/// <param name="Role">"caller" or "agent" (see <see cref="TurnRoles"/>).</param>
/// <param name="Text">What was said; for an interrupted agent turn, only what the caller actually heard.</param>
/// <param name="At">When the utterance started.</param>
/// <param name="Interrupted">True when the caller barged in on this agent turn.</param>
/// <param name="Timings">Latency of the agent's reply (set on agent turns that answer a caller turn).</param>
public sealed record TranscriptTurn(
    string Role,
    string Text,
    DateTimeOffset At,
    bool Interrupted = false,
    TurnTimings? Timings = null);

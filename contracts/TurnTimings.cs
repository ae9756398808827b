namespace VoiceConnector.Contracts;

/// <summary>
/// Latency of one agent reply, in milliseconds measured from the end of the caller's speech
/// (the moment end-of-turn silence began). Null when the stage did not happen.
/// </summary>
public sealed record TurnTimings
{
    public DateTimeOffset EndOfSpeechAt { get; init; }
    public double? TranscriptMs { get; init; }
    public double? FirstTokenMs { get; init; }
    public double? FirstSentenceMs { get; init; }
    public double? FirstTtsAudioMs { get; init; }
    public double? FirstAudioSentMs { get; init; }
}

using VoiceConnector.Contracts;

namespace VoiceConnector.Edge.Conversation.Metrics;

/// <summary>Marks the stages of one agent reply, measured from the end of the caller's speech; the first mark of each stage wins.
/// Each stage is marked from one task only (LLM stages by the LLM reader, audio stages by the speaker).</summary>
internal sealed class TurnClock(TimeProvider time, long endOfSpeechTimestamp, DateTimeOffset endOfSpeechAt)
{
    private double? transcript;
    private double? firstToken;
    private double? firstSentence;
    private double? firstTtsAudio;
    private double? firstAudioSent;

    public void Transcript() => Mark(ref transcript);

    public void FirstToken() => Mark(ref firstToken);

    public void FirstSentence() => Mark(ref firstSentence);

    public void FirstTtsAudio() => Mark(ref firstTtsAudio);

    public void FirstAudioSent() => Mark(ref firstAudioSent);

    public TurnTimings ToTimings() => new()
    {
        EndOfSpeechAt = endOfSpeechAt,
        TranscriptMs = transcript,
        FirstTokenMs = firstToken,
        FirstSentenceMs = firstSentence,
        FirstTtsAudioMs = firstTtsAudio,
        FirstAudioSentMs = firstAudioSent,
    };

    private void Mark(ref double? stage)
    {
        stage ??= time.GetElapsedTime(endOfSpeechTimestamp).TotalMilliseconds;
    }
}

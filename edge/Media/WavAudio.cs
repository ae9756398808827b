namespace VoiceConnector.Edge.Media;

/// <summary>Mono 16-bit PCM audio read from a WAV file.</summary>
public sealed record WavAudio(int SampleRate, short[] Samples);

namespace VoiceConnector.Edge.Media;

/// <summary>
/// Mono 16-bit PCM samples and their rate, held whole: what WAV files and the AI clients exchange outside the 20 ms
/// hot path.
/// </summary>
public sealed record PcmAudio(short[] Samples, int SampleRate)
{
    /// <summary>Length in time.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / SampleRate);
}

namespace VoiceConnector.Edge.Media;

/// <summary>
/// Frame-by-frame speech detection for one audio stream (stateful: one instance per call direction).
/// Frames are 20 ms of 16 kHz mono PCM (320 samples).
/// </summary>
public interface IVoiceActivityDetector : IDisposable
{
    /// <summary>True when the frame contains speech.</summary>
    bool IsSpeech(ReadOnlySpan<short> frame);
}

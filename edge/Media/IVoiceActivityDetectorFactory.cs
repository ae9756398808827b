namespace VoiceConnector.Edge.Media;

/// <summary>Creates a <see cref="IVoiceActivityDetector"/> per stream.</summary>
public interface IVoiceActivityDetectorFactory
{
    IVoiceActivityDetector Create();
}

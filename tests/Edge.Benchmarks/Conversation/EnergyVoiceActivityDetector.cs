using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Benchmarks.Conversation;

/// <summary>Speech when the frame is loud: instant, so the benchmark measures the pipeline rather than a VAD.</summary>
internal sealed class EnergyVoiceActivityDetector : IVoiceActivityDetector, IVoiceActivityDetectorFactory
{
    public IVoiceActivityDetector Create() => new EnergyVoiceActivityDetector();

    public bool IsSpeech(ReadOnlySpan<short> frame) => Math.Abs((int)frame[0]) >= 1_000;

    public void Dispose()
    {
    }
}

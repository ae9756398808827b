using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Tests.Conversation.Fakes;

/// <summary>Speech when the frame is loud (the fake caller's speech frames are constant and loud, silence is zero).</summary>
internal sealed class FakeVoiceActivityDetector : IVoiceActivityDetector, IVoiceActivityDetectorFactory
{
    public const short Threshold = 1_000;

    public IVoiceActivityDetector Create() => new FakeVoiceActivityDetector();

    public bool IsSpeech(ReadOnlySpan<short> frame) => Math.Abs((int)frame[0]) >= Threshold;

    public void Dispose()
    {
    }
}

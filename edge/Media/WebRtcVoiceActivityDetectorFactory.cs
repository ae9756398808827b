using Microsoft.Extensions.Options;

namespace VoiceConnector.Edge.Media;

/// <summary>Creates one <see cref="WebRtcVoiceActivityDetector"/> per stream with the configured aggressiveness.</summary>
public sealed class WebRtcVoiceActivityDetectorFactory(IOptions<VoiceActivityOptions> options) : IVoiceActivityDetectorFactory
{
    public IVoiceActivityDetector Create() => new WebRtcVoiceActivityDetector(options.Value.Mode);
}

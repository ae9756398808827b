using System.ComponentModel.DataAnnotations;

namespace VoiceConnector.Edge.Media;

/// <summary>VAD settings, bound from <c>Ai:Vad</c>.</summary>
public sealed class VoiceActivityOptions
{
    public const string Section = "Ai:Vad";

    /// <summary>WebRTC VAD aggressiveness: 0 (least) to 3 (most, fewest false detections on noisy lines).</summary>
    [Range(0, 3)]
    public int Mode { get; set; } = 2;
}

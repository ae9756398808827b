using System.ComponentModel.DataAnnotations;
using VoiceConnector.Edge.Ai.Http;

namespace VoiceConnector.Edge.Ai.Whisper;

/// <summary>Whisper STT settings, bound from <c>Ai:Whisper</c>.</summary>
public sealed class WhisperOptions : HttpServiceOptions
{
    public const string Section = "Ai:Whisper";

    public WhisperApi Api { get; set; } = WhisperApi.OpenAi;

    /// <summary>Model for the OpenAI-compatible API (whisper.cpp ignores it: one model per server).</summary>
    [Required]
    public string Model { get; set; } = "Systran/faster-distil-whisper-small.en";

    /// <summary>ISO-639-1 language, or empty for auto-detection. A BCP-47 tag per request ("en-US") is cut to "en".</summary>
    public string Language { get; set; } = "en";
}

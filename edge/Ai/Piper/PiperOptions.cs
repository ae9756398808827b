using System.ComponentModel.DataAnnotations;
using VoiceConnector.Edge.Ai.Http;

namespace VoiceConnector.Edge.Ai.Piper;

/// <summary>Piper TTS settings, bound from <c>Ai:Piper</c>.</summary>
public sealed class PiperOptions : HttpServiceOptions
{
    public const string Section = "Ai:Piper";

    public PiperApi Api { get; set; } = PiperApi.Current;

    /// <summary>Voice when the request names none (empty: the server's <c>-m</c> voice).</summary>
    public string Voice { get; set; } = "";

    /// <summary>Speaker id for multi-speaker voices.</summary>
    [Range(0, 10_000)]
    public int? SpeakerId { get; set; }

    /// <summary>Speaking pace; above 1 is slower. A request's <c>Speed</c> divides it.</summary>
    [Range(0.2, 5.0)]
    public double LengthScale { get; set; } = 1.0;
}

using System.ComponentModel.DataAnnotations;
using VoiceConnector.Edge.Ai.Http;

namespace VoiceConnector.Edge.Ai.Ollama;

/// <summary>Ollama settings, bound from <c>Ai:Ollama</c>.</summary>
public sealed class OllamaOptions : HttpServiceOptions
{
    public const string Section = "Ai:Ollama";

    /// <summary>Default model when <see cref="Microsoft.Extensions.AI.ChatOptions.ModelId"/> is not set.</summary>
    [Required]
    public string Model { get; set; } = "llama3.2";

    /// <summary>How long the model stays loaded after a request (Ollama duration string, seconds, or -1).</summary>
    [Required]
    public string KeepAlive { get; set; } = "10m";

    /// <summary>How long the start-up probe waits for <c>GET /api/version</c> before falling back to the scripted responder.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:30")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);
}

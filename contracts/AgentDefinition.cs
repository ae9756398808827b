namespace VoiceConnector.Contracts;

/// <summary>
/// Everything the edge needs to run one agent on a call. Served by the functions app
/// (<see cref="EdgeApi.AgentByNumberPath"/>) and cached by the edge; locally read from a file.
/// </summary>
public sealed record AgentDefinition
{
    public required string AgentId { get; init; }
    public string Name { get; init; } = "";
    public string SystemPrompt { get; init; } = "";
    public string Greeting { get; init; } = "";
    /// <summary>TTS voice name as the TTS service knows it (e.g. a Piper voice, or "slt" for flite).</summary>
    public string Voice { get; init; } = "";
    /// <summary>BCP-47 language tag, e.g. "en-US".</summary>
    public string Language { get; init; } = "en-US";
    /// <summary>LLM model name (e.g. an Ollama model); empty means the edge's configured default.</summary>
    public string Model { get; init; } = "";
    /// <summary>Tools the model may call: any of <see cref="AgentTools"/>.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];
    public AgentTimings Timings { get; init; } = new();
}

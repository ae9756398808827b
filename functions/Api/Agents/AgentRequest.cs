using VoiceConnector.Contracts;

namespace VoiceConnector.Functions.Api.Agents;

/// <summary>Body of <c>POST /v1/agents</c> and <c>PUT /v1/agents/{id}</c> (PUT replaces every field).</summary>
public sealed record AgentRequest
{
    public string? Name { get; init; }
    public string? SystemPrompt { get; init; }
    public string? Greeting { get; init; }
    public string? Voice { get; init; }
    public string? Language { get; init; }
    public string? Model { get; init; }
    public IReadOnlyList<string>? Tools { get; init; }
    public AgentTimings? Timings { get; init; }
}

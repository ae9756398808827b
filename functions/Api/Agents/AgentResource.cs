using VoiceConnector.Contracts;
using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Api.Agents;

/// <summary>An agent as the API shows it.</summary>
public sealed record AgentResource(
    string Id,
    string Name,
    string SystemPrompt,
    string Greeting,
    string Voice,
    string Language,
    string Model,
    IReadOnlyList<string> Tools,
    AgentTimings Timings,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static AgentResource From(StoredAgent agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var d = agent.Definition;
        return new(d.AgentId, d.Name, d.SystemPrompt, d.Greeting, d.Voice, d.Language, d.Model, d.Tools, d.Timings, agent.CreatedAt, agent.UpdatedAt);
    }
}

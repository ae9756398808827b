using Microsoft.Extensions.AI;
using VoiceConnector.Edge.Ai.Ollama;
using VoiceConnector.Edge.Ai.Scripted;

namespace VoiceConnector.Edge.Ai;

/// <summary>
/// Decides at start which <see cref="IChatClient"/> the edge talks to: Ollama when <c>Ai:Ollama:Url</c> is configured
/// and answers <c>GET /api/version</c> within <c>Ai:Ollama:ProbeTimeout</c>, otherwise the scripted responder (logged).
/// Runs before the server accepts calls (a hosted service); <see cref="SelectAsync"/> may be called again to re-probe.
/// </summary>
public sealed partial class ChatClientSelector(
    ScriptedChatClient scripted, ILogger<ChatClientSelector> logger, OllamaChatClient? ollama = null) : IHostedService
{
    private volatile IChatClient _current = scripted;

    /// <summary>The client in use now.</summary>
    public IChatClient Current => _current;

    public async Task<IChatClient> SelectAsync(CancellationToken cancellationToken)
    {
        if (ollama is null)
        {
            LogScripted(logger, "Ai:Ollama:Url is not configured");
            _current = scripted;
        }
        else if (await ollama.ProbeAsync(cancellationToken))
        {
            LogOllama(logger, ollama.GetService<ChatClientMetadata>()?.ProviderUri);
            _current = ollama;
        }
        else
        {
            LogScripted(logger, "Ollama did not answer the probe");
            _current = scripted;
        }

        return _current;
    }

    public Task StartAsync(CancellationToken cancellationToken) => SelectAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "LLM: Ollama at {Url}")]
    private static partial void LogOllama(ILogger logger, Uri? url);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LLM: the scripted responder (not a language model), because {Reason}")]
    private static partial void LogScripted(ILogger logger, string reason);
}

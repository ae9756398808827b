using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using VoiceConnector.Edge.Ai.Http;

namespace VoiceConnector.Edge.Ai.Ollama;

/// <summary>
/// <see cref="IChatClient"/> over Ollama's native <c>POST /api/chat</c>: streamed NDJSON until <c>"done": true</c>,
/// tool calls in both directions, <c>options</c> and <c>keep_alive</c>. Thread-safe; share one instance.
/// </summary>
public sealed partial class OllamaChatClient : IChatClient, IWarmUp
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _http;
    private readonly OllamaOptions _options;
    private readonly ResilientHttpSender _sender;
    private readonly ILogger<OllamaChatClient> _logger;
    private readonly ChatClientMetadata _metadata;

    public OllamaChatClient(HttpClient http, OllamaOptions options, ILogger<OllamaChatClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
        _logger = logger;
        _http.BaseAddress ??= options.BaseAddress() ?? throw new ArgumentException("Ai:Ollama:Url is required", nameof(options));
        _sender = new ResilientHttpSender(http, options, "ollama", logger);
        _metadata = new ChatClientMetadata("ollama", _http.BaseAddress, options.Model);
    }

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var body = OllamaRequestWriter.Write(messages, options, _options, stream: false);
        using var timeout = _sender.StartTimeout(cancellationToken);
        try
        {
            using var response = await _sender.SendAsync(() => Post("api/chat", body), timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            var parser = new OllamaResponseParser(NewResponseId());
            var update = parser.Parse(text.Trim());
            if (!parser.Done)
            {
                throw new AiServiceException("ollama", "non-streamed answer without \"done\": true");
            }

            return new[] { update }.ToChatResponse();
        }
        catch (OperationCanceledException e)
        {
            throw _sender.TranslateCancellation(e, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new AiServiceException("ollama", $"answer broken off: {e.Message}", null, e);
        }
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var body = OllamaRequestWriter.Write(messages, options, _options, stream: true);
        using var timeout = _sender.StartTimeout(cancellationToken);
        var parser = new OllamaResponseParser(NewResponseId());
        HttpResponseMessage response;
        Stream stream;
        try
        {
            response = await _sender.SendAsync(() => Post("api/chat", body), timeout.Token);
            stream = await response.Content.ReadAsStreamAsync(timeout.Token);
        }
        catch (OperationCanceledException e)
        {
            throw _sender.TranslateCancellation(e, cancellationToken);
        }

        using (response)
        using (var reader = new StreamReader(stream))
        {
            while (!parser.Done)
            {
                var line = await ReadLineAsync(reader, timeout.Token, cancellationToken);
                if (line is null)
                {
                    throw new AiServiceException("ollama", "stream ended before \"done\": true");
                }

                if (line.Length > 0)
                {
                    yield return parser.Parse(line);
                }
            }
        }
    }

    /// <summary>Loads the model ahead of the first turn (<c>messages: []</c> with <c>keep_alive</c>).</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var body = OllamaRequestWriter.WriteLoad(_options);
        using var timeout = _sender.StartTimeout(cancellationToken);
        try
        {
            using var response = await _sender.SendAsync(() => Post("api/chat", body), timeout.Token);
            await response.Content.ReadAsStringAsync(timeout.Token);
        }
        catch (OperationCanceledException e)
        {
            throw _sender.TranslateCancellation(e, cancellationToken);
        }

        LogWarmedUp(_logger, _options.Model);
    }

    /// <summary>True when <c>GET /api/version</c> answers 2xx within <see cref="OllamaOptions.ProbeTimeout"/>.</summary>
    public async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ProbeTimeout);
        try
        {
            using var response = await _http.GetAsync(new Uri("api/version", UriKind.Relative), timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogProbeFailed(_logger, _http.BaseAddress, e.Message);
            return false;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The HttpClient belongs to IHttpClientFactory (or to whoever passed it in).
    }

    private static string NewResponseId() => "ollama-" + Guid.NewGuid().ToString("N")[..12];

    private static HttpRequestMessage Post(string path, byte[] body) =>
        new(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new ByteArrayContent(body) { Headers = { ContentType = Json } } };

    private async ValueTask<string?> ReadLineAsync(StreamReader reader, CancellationToken token, CancellationToken callerToken)
    {
        try
        {
            return await reader.ReadLineAsync(token);
        }
        catch (OperationCanceledException e)
        {
            throw _sender.TranslateCancellation(e, callerToken);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new AiServiceException("ollama", $"stream broken off: {e.Message}", null, e);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ollama model {Model} loaded")]
    private static partial void LogWarmedUp(ILogger logger, string model);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ollama at {Url} did not answer the probe: {Reason}")]
    private static partial void LogProbeFailed(ILogger logger, Uri? url, string reason);
}

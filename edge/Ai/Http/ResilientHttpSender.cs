using System.Net;
using System.Text.Json;
using Polly;
using Polly.Retry;

namespace VoiceConnector.Edge.Ai.Http;

/// <summary>
/// Sends requests to one AI service: retries with exponential backoff on connection failures, 429 and 5xx (only while
/// no response body has been handed out, so a retry never duplicates output), and turns error answers into
/// <see cref="AiServiceException"/>. Thread-safe; one per service client.
/// </summary>
public sealed partial class ResilientHttpSender
{
    private const int MaxErrorBodyChars = 2048;
    private readonly HttpClient _http;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly ILogger _logger;

    public ResilientHttpSender(HttpClient http, HttpServiceOptions options, string service, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _logger = logger;
        Service = service;
        Timeout = options.Timeout;
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                Delay = options.RetryBaseDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .HandleResult(static r => IsTransient(r.StatusCode)),
                OnRetry = args =>
                {
                    var reason = args.Outcome.Exception?.Message ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}";
                    args.Outcome.Result?.Dispose();
                    LogRetry(_logger, Service, args.AttemptNumber + 1, args.RetryDelay, reason);
                    return default;
                },
            });
        }

        _pipeline = builder.Build();
    }

    /// <summary>Name used in errors and logs.</summary>
    public string Service { get; }

    /// <summary>The whole-request limit (see <see cref="HttpServiceOptions.Timeout"/>).</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Starts the timeout for one logical call; dispose when its body has been read.</summary>
    public CancellationTokenSource StartTimeout(CancellationToken cancellationToken)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(Timeout);
        return cts;
    }

    /// <summary>
    /// Sends a fresh request per attempt and returns the first successful response (headers read, body not yet).
    /// </summary>
    /// <exception cref="AiServiceException">Error status after the retries, or the service is unreachable.</exception>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> createRequest, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                async (create, ct) =>
                {
                    using var request = create();
                    return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                },
                createRequest,
                cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new AiServiceException(Service, $"unreachable: {e.Message}", null, e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var detail = await ReadErrorAsync(response, cancellationToken);
            throw new AiServiceException(Service, $"HTTP {(int)response.StatusCode}: {detail}", response.StatusCode);
        }
    }

    /// <summary>
    /// Maps a cancellation to what happened: the caller cancelled (rethrown as is) or our timeout fired
    /// (<see cref="AiServiceException"/> with a <see cref="TimeoutException"/> inside).
    /// </summary>
    public Exception TranslateCancellation(OperationCanceledException exception, CancellationToken callerToken) =>
        callerToken.IsCancellationRequested
            ? exception
            : new AiServiceException(Service, $"no complete answer within {Timeout.TotalSeconds:0.###} s", null, new TimeoutException(exception.Message, exception));

    /// <summary>Extracts <c>{"error": "..."}</c> / <c>{"detail": ...}</c> from an error body, else its text.</summary>
    public static string ErrorDetail(string body)
    {
        if (body.Length == 0)
        {
            return "(empty body)";
        }

        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in (ReadOnlySpan<string>)["error", "detail", "message"])
                {
                    if (doc.RootElement.TryGetProperty(name, out var value))
                    {
                        return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON: the text itself is the detail.
        }

        return body.Length > MaxErrorBodyChars ? body[..MaxErrorBodyChars] : body;
    }

    private static bool IsTransient(HttpStatusCode status) =>
        status == HttpStatusCode.TooManyRequests || (int)status >= 500;

    private static async Task<string> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return ErrorDetail(await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException e)
        {
            return $"(error body unreadable: {e.Message})";
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service}: attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    private static partial void LogRetry(ILogger logger, string service, int attempt, TimeSpan delay, string reason);
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Configuration;

namespace VoiceConnector.Functions.Webhooks;

/// <summary>
/// Whether the edge answers its health URL (<c>Edge:HealthUrl</c>; always available when unset). The answer is
/// cached for <c>Edge:HealthCacheSeconds</c> and one request at a time refreshes it, so a down edge costs a caller
/// at most one short probe before the spoken fallback.
/// </summary>
public sealed partial class EdgeHealth(IHttpClientFactory httpClients, IOptions<EdgeOptions> options, TimeProvider clock, ILogger<EdgeHealth> logger) : IDisposable
{
    public const string HttpClientName = "edge-health";
    private readonly EdgeOptions edge = options.Value;
    private readonly SemaphoreSlim probing = new(1, 1);
    private (bool Healthy, DateTimeOffset At)? last;

    public async ValueTask<bool> IsAvailableAsync(CancellationToken cancellationToken)
    {
        if (edge.HealthUrl is not { } url)
        {
            return true;
        }

        var known = last;
        if (known is { } fresh && clock.GetUtcNow() - fresh.At < TimeSpan.FromSeconds(edge.HealthCacheSeconds))
        {
            return fresh.Healthy;
        }

        if (!await probing.WaitAsync(known is null ? Timeout.Infinite : 0, cancellationToken))
        {
            return known!.Value.Healthy;
        }

        try
        {
            if (last is { } updated && clock.GetUtcNow() - updated.At < TimeSpan.FromSeconds(edge.HealthCacheSeconds))
            {
                return updated.Healthy;
            }

            var healthy = await ProbeAsync(url, cancellationToken);
            if (known?.Healthy != healthy)
            {
                LogHealthChanged(url, healthy);
            }

            last = (healthy, clock.GetUtcNow());
            return healthy;
        }
        finally
        {
            probing.Release();
        }
    }

    public void Dispose() => probing.Dispose();

    private async Task<bool> ProbeAsync(Uri url, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(edge.HealthTimeoutMs);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception error) when (error is HttpRequestException || (error is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Edge health at {Url}: available = {Healthy}")]
    private partial void LogHealthChanged(Uri url, bool healthy);
}

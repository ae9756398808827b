using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Configuration;

namespace VoiceConnector.Functions.Webhooks;

/// <summary>
/// On a voice webhook, pings the AI services' warm-up URLs (<c>Edge:WarmUpUrls</c>) fire-and-forget, so a
/// scaled-to-zero service (Cloud Run) starts while the call is still ringing. The requests run on the thread pool,
/// each bounded by <c>Edge:WarmUpTimeoutMs</c>, at most <see cref="MaxInFlight"/> at once (more are skipped: the
/// services are starting anyway); failures are logged, never surfaced. The TwiML waits for them at most
/// <c>Edge:WarmUpHeadStartMs</c> (a few ms, overlapping the number lookup), so the pings leave first.
/// </summary>
public sealed partial class AiServiceWarmUp(IHttpClientFactory httpClients, IOptions<EdgeOptions> options, ILogger<AiServiceWarmUp> logger)
{
    public const string HttpClientName = "ai-warm-up";
    public const int MaxInFlight = 64;
    private readonly EdgeOptions edge = options.Value;
    private int inFlight;

    /// <summary>
    /// Starts one GET per configured URL. The returned task completes when they are answered or after
    /// <c>Edge:WarmUpHeadStartMs</c>, whichever comes first; it never fails.
    /// </summary>
    public Task FireAsync()
    {
        if (edge.WarmUpUrls.Count == 0)
        {
            return Task.CompletedTask;
        }

        var pings = new List<Task>(edge.WarmUpUrls.Count);
        foreach (var url in edge.WarmUpUrls)
        {
            if (Interlocked.Increment(ref inFlight) > MaxInFlight)
            {
                Interlocked.Decrement(ref inFlight);
                break;
            }

            pings.Add(Task.Run(() => PingAsync(url)));
        }

        return pings.Count == 0 || edge.WarmUpHeadStartMs == 0
            ? Task.CompletedTask
            : Task.WhenAny(Task.WhenAll(pings), Task.Delay(edge.WarmUpHeadStartMs));
    }

    private async Task PingAsync(Uri url)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMilliseconds(edge.WarmUpTimeoutMs));
            using var response = await httpClients.CreateClient(HttpClientName)
                .GetAsync(url, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            LogWarmed(url, (int)response.StatusCode);
        }
        catch (Exception error) when (error is HttpRequestException or OperationCanceledException)
        {
            LogFailed(url, error.Message);
        }
        finally
        {
            Interlocked.Decrement(ref inFlight);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Warm-up of {Url} answered {Status}")]
    private partial void LogWarmed(Uri url, int status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up of {Url} did not answer: {Reason}")]
    private partial void LogFailed(Uri url, string reason);
}

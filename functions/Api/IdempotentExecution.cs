using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Api;

/// <summary>
/// Runs an operation that costs money at most once per <c>Idempotency-Key</c>: the first request claims the key
/// (a unique row), runs, and stores its successful response; retries and concurrent duplicates wait for it and get
/// the same response. A failed operation frees the key so the client may retry it.
/// </summary>
public sealed class IdempotentExecution(IdempotencyStore store, TimeProvider clock)
{
    public const string HeaderName = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const int MaxKeyLength = 255;

    /// <summary>How long a duplicate waits for the first request to finish before answering 409.</summary>
    public TimeSpan WaitForFirst { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Hash identifying the request a key was first used for (a reused key with another request is refused).</summary>
    public static string HashRequest(string operation, object request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(operation + "\n" + JsonSerializer.Serialize(request, ApiJson.Options))));

    public async Task<HandlerResult> RunAsync(
        string tenantId, string? key, string requestHash, Func<CancellationToken, Task<HandlerResult>> operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (string.IsNullOrWhiteSpace(key) || key.Length > MaxKeyLength)
        {
            return Problems.Validation(HeaderName, "An Idempotency-Key header (1 to 255 characters) is required for this request.");
        }

        var deadline = clock.GetUtcNow() + WaitForFirst;
        while (true)
        {
            if (await store.TryClaimAsync(tenantId, key, requestHash, cancellationToken))
            {
                return await RunClaimedAsync(tenantId, key, operation, cancellationToken);
            }

            var entry = await store.GetAsync(tenantId, key, cancellationToken);
            if (entry is not null && entry.RequestHash != requestHash)
            {
                return Problems.IdempotencyKeyReused();
            }

            if (entry is { StatusCode: { } status, ResponseBody: { } body })
            {
                using var document = JsonDocument.Parse(body);
                return new HandlerResult(status, document.RootElement.Clone())
                {
                    Headers = new Dictionary<string, string> { [ReplayedHeader] = "true" },
                };
            }

            if (clock.GetUtcNow() >= deadline)
            {
                return Problems.IdempotencyInProgress();
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), clock, cancellationToken);
        }
    }

    private async Task<HandlerResult> RunClaimedAsync(
        string tenantId, string key, Func<CancellationToken, Task<HandlerResult>> operation, CancellationToken cancellationToken)
    {
        HandlerResult result;
        try
        {
            result = await operation(cancellationToken);
        }
        catch
        {
            await store.ReleaseAsync(tenantId, key, CancellationToken.None);
            throw;
        }

        if (result.IsSuccess)
        {
            var body = JsonSerializer.Serialize(result.Body, ApiJson.Options);
            await store.CompleteAsync(tenantId, key, result.StatusCode, body, CancellationToken.None);
        }
        else
        {
            await store.ReleaseAsync(tenantId, key, CancellationToken.None);
        }

        return result;
    }
}

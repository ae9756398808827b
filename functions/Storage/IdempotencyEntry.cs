namespace VoiceConnector.Functions.Storage;

/// <summary>A claimed idempotency key: the hash of the request that claimed it and, once finished, its response.</summary>
public sealed record IdempotencyEntry(string RequestHash, int? StatusCode, string? ResponseBody)
{
    public bool IsCompleted => StatusCode is not null;
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using VoiceConnector.Contracts;

namespace VoiceConnector.Edge.Calls.Functions;

/// <summary>
/// Resolves agents through the functions app by our number (<see cref="CalledNumber.OfAgent"/>), cached per number for the time the app allows. When the app is
/// unreachable the last known answer is served however old it is, so a brief outage never turns callers away.
/// </summary>
public sealed partial class FunctionsAgentResolver : IAgentResolver
{
    private readonly FunctionsClient client;
    private readonly TimeProvider time;
    private readonly ILogger<FunctionsAgentResolver> logger;
    private readonly TimeSpan negativeTtl;
    private readonly ConcurrentDictionary<string, CacheEntry> cache = new(StringComparer.Ordinal);

    public FunctionsAgentResolver(
        FunctionsClient client,
        IOptions<FunctionsOptions> options,
        TimeProvider time,
        ILogger<FunctionsAgentResolver> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.client = client;
        this.time = time;
        this.logger = logger;
        negativeTtl = TimeSpan.FromSeconds(options.Value.NegativeCacheSeconds);
    }

    public async ValueTask<AgentLookup?> ResolveAsync(CallDescription call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        var number = CalledNumber.OfAgent(call);
        if (!CalledNumber.IsE164(number))
        {
            // The functions app stores E.164 numbers only: anything else has no agent.
            LogNotANumber(number);
            return null;
        }

        var now = time.GetUtcNow();
        if (cache.TryGetValue(number, out var cached) && cached.ExpiresAt > now)
        {
            return cached.Lookup;
        }

        try
        {
            var lookup = await client.GetAgentAsync(number, cancellationToken);
            var ttl = lookup is null ? negativeTtl : TimeSpan.FromSeconds(Math.Max(0, lookup.CacheSeconds));
            cache[number] = new CacheEntry(lookup, now + ttl);
            return lookup;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (cached is not null)
            {
                LogServingStale(number, cached.ExpiresAt, ex.Message);
                return cached.Lookup;
            }

            LogUnreachable(number, ex.Message);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Functions app unreachable; serving the agent of {Number} cached until {ExpiredAt}: {Reason}")]
    private partial void LogServingStale(string number, DateTimeOffset expiredAt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Called number {Number} is not E.164: no agent")]
    private partial void LogNotANumber(string number);

    [LoggerMessage(Level = LogLevel.Error, Message = "Functions app unreachable and no cached agent for {Number}: {Reason}")]
    private partial void LogUnreachable(string number, string reason);

    private sealed record CacheEntry(AgentLookup? Lookup, DateTimeOffset ExpiresAt);
}

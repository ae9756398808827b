using VoiceConnector.Edge.Ai.Auth;

namespace VoiceConnector.Edge.Tests.Ai.Auth;

/// <summary>A local ID-token source: numbered tokens valid for one hour from the clock's now; optional delay or failure.</summary>
internal sealed class CountingTokenSource(TimeProvider time) : IIdTokenSource
{
    private int _minted;

    public int Minted => _minted;

    public string? LastAudience { get; private set; }

    public TimeSpan Delay { get; set; }

    public bool Fail { get; set; }

    public async Task<IdToken> GetTokenAsync(string audience, CancellationToken cancellationToken)
    {
        LastAudience = audience;
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, cancellationToken);
        }

        if (Fail)
        {
            throw new InvalidOperationException("metadata server unreachable");
        }

        var n = Interlocked.Increment(ref _minted);
        return new IdToken($"token-{n}", time.GetUtcNow().AddHours(1));
    }
}

using System.Net.Http.Headers;

namespace VoiceConnector.Edge.Ai.Auth;

/// <summary>
/// Puts <c>Authorization: Bearer &lt;ID token&gt;</c> on every request (Cloud Run service-to-service auth). The token is
/// cached and refreshed <see cref="RefreshMargin"/> before it expires; concurrent requests share one refresh.
/// </summary>
public sealed class IdTokenHandler : DelegatingHandler
{
    /// <summary>How long before expiry a token is replaced.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly IIdTokenSource _source;
    private readonly string _audience;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile IdToken? _token;

    public IdTokenHandler(IIdTokenSource source, string audience, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(audience);
        _source = source;
        _audience = audience;
        _time = time;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = await GetTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Value);
        return await base.SendAsync(request, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _refresh.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask<IdToken> GetTokenAsync(CancellationToken cancellationToken)
    {
        var token = _token;
        if (token is not null && IsFresh(token))
        {
            return token;
        }

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            token = _token;
            if (token is null || !IsFresh(token))
            {
                try
                {
                    token = await _source.GetTokenAsync(_audience, cancellationToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new AiServiceException("id-token", $"no ID token for audience {_audience}: {e.Message}", null, e);
                }

                _token = token;
            }

            return token;
        }
        finally
        {
            _refresh.Release();
        }
    }

    private bool IsFresh(IdToken token) => token.ExpiresAt - _time.GetUtcNow() > RefreshMargin;
}

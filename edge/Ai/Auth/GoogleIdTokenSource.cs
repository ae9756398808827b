using System.Buffers.Text;
using System.Text.Json;
using Google.Apis.Auth.OAuth2;

namespace VoiceConnector.Edge.Ai.Auth;

/// <summary>
/// Google-signed ID tokens from Application Default Credentials (the metadata server on Cloud Run / GCE, or a service
/// account key file named by GOOGLE_APPLICATION_CREDENTIALS). The credential is loaded once, on first use.
/// </summary>
public sealed class GoogleIdTokenSource : IIdTokenSource
{
    private readonly Lazy<Task<GoogleCredential>> _credential = new(() => GoogleCredential.GetApplicationDefaultAsync());

    public async Task<IdToken> GetTokenAsync(string audience, CancellationToken cancellationToken)
    {
        var credential = await _credential.Value.WaitAsync(cancellationToken);
        var oidc = await credential.GetOidcTokenAsync(OidcTokenOptions.FromTargetAudience(audience), cancellationToken);
        var value = await oidc.GetAccessTokenAsync(cancellationToken);
        return new IdToken(value, ReadExpiry(value));
    }

    /// <summary>The <c>exp</c> claim of a JWT (not verified: we are its bearer, not its audience).</summary>
    /// <exception cref="FormatException">Not a JWT with a numeric <c>exp</c>.</exception>
    public static DateTimeOffset ReadExpiry(string jwt)
    {
        ArgumentNullException.ThrowIfNull(jwt);
        var parts = jwt.Split('.');
        if (parts.Length != 3)
        {
            throw new FormatException("ID token is not a JWT");
        }

        try
        {
            using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
            if (payload.RootElement.TryGetProperty("exp", out var exp) && exp.TryGetInt64(out var seconds))
            {
                return DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
        }
        catch (JsonException e)
        {
            throw new FormatException("ID token payload is not JSON", e);
        }

        throw new FormatException("ID token has no exp claim");
    }
}

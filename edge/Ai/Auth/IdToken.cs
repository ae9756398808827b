namespace VoiceConnector.Edge.Ai.Auth;

/// <summary>An OIDC ID token and when it stops being valid.</summary>
public sealed record IdToken(string Value, DateTimeOffset ExpiresAt)
{
    /// <summary>Never log the token itself.</summary>
    public override string ToString() => $"IdToken(expires {ExpiresAt:O})";
}

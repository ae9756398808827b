namespace VoiceConnector.Edge.Ai.Auth;

/// <summary>Mints ID tokens for a target audience (Google in production; a local source in tests).</summary>
public interface IIdTokenSource
{
    Task<IdToken> GetTokenAsync(string audience, CancellationToken cancellationToken);
}

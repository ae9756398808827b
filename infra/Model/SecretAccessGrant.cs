namespace VoiceConnector.Infra.Model;

/// <summary><c>roles/secretmanager.secretAccessor</c> on one secret for one service account.</summary>
public sealed record SecretAccessGrant(string SecretId, string ServiceAccount)
{
    public const string Role = "roles/secretmanager.secretAccessor";
}

namespace VoiceConnector.Infra.Model;

/// <summary>The latest version of Secret Manager secret <paramref name="SecretId"/>.</summary>
public sealed record SecretEnvValue(string SecretId) : EnvValue;

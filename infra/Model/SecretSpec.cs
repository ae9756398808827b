namespace VoiceConnector.Infra.Model;

/// <summary>
/// A Secret Manager secret. Its value is the secret stack configuration value <paramref name="ConfigKey"/>, or, when
/// <paramref name="DatabaseConnectionString"/> is set, the database connection string the program composes from the
/// database's private IP and the database password.
/// </summary>
public sealed record SecretSpec(string Id, string? ConfigKey, bool DatabaseConnectionString = false);

namespace VoiceConnector.Infra.Model;

/// <summary>Cloud SQL for PostgreSQL with a private IP only.</summary>
public sealed record DatabaseSpec
{
    public required string InstanceName { get; init; }
    public required string Version { get; init; }
    public required string Tier { get; init; }
    public required string DatabaseName { get; init; }
    public required string UserName { get; init; }
    public required string PasswordConfigKey { get; init; }
    public required bool PublicIp { get; init; }
    public required bool DeletionProtection { get; init; }
    public required bool Backups { get; init; }
}

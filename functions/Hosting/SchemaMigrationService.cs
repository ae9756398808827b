using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Hosting;

/// <summary>Applies the schema migrations before the app starts serving.</summary>
public sealed class SchemaMigrationService(SchemaMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

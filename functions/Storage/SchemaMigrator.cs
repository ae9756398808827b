using System.Data.Common;
using Microsoft.Extensions.Logging;
using VoiceConnector.Functions.Configuration;

namespace VoiceConnector.Functions.Storage;

/// <summary>
/// Applies <see cref="SchemaMigrations"/> not yet recorded in <c>schema_migrations</c>, each in its own transaction.
/// Several instances starting at once are serialised (PostgreSQL advisory lock; SQLite write lock).
/// </summary>
public sealed partial class SchemaMigrator(Database database, ILogger<SchemaMigrator> logger)
{
    private const long AdvisoryLockId = 0x56_43_46_4E; // "VCFN"

    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (database.Provider == StorageProviders.Sqlite)
        {
            await using var wal = connection.Command("PRAGMA journal_mode=WAL;");
            await wal.ExecuteNonQueryAsync(cancellationToken);
        }

        await connection.ExecuteAsync(null, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);", cancellationToken);
        foreach (var (version, sql) in SchemaMigrations.All)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (database.Provider == StorageProviders.Postgres)
            {
                await connection.ExecuteAsync(transaction, "SELECT pg_advisory_xact_lock(@id);", cancellationToken, ("id", AdvisoryLockId));
            }

            if (await IsAppliedAsync(connection, transaction, version, cancellationToken))
            {
                await transaction.RollbackAsync(cancellationToken);
                continue;
            }

            await connection.ExecuteAsync(transaction, sql, cancellationToken);
            await connection.ExecuteAsync(
                transaction,
                "INSERT INTO schema_migrations (version, applied_at) VALUES (@version, @at);",
                cancellationToken,
                ("version", version),
                ("at", DateTimeOffset.UtcNow.ToDb()));
            await transaction.CommitAsync(cancellationToken);
            LogApplied(version, database.Provider);
        }
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction transaction, int version, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, "SELECT COUNT(*) FROM schema_migrations WHERE version = @version;", ("version", version));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Provider})")]
    private partial void LogApplied(int version, string provider);
}

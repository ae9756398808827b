using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using VoiceConnector.Functions.Configuration;

namespace VoiceConnector.Functions.Storage;

/// <summary>
/// Opens connections to the configured store: PostgreSQL through a pooled <see cref="NpgsqlDataSource"/>, or an
/// SQLite file (WAL mode, foreign keys on). Both speak the same SQL with <c>@name</c> parameters.
/// </summary>
public sealed class Database : IAsyncDisposable
{
    /// <summary>The embedded default: a file under <c>.data/</c> in the working directory.</summary>
    public const string DefaultSqliteConnectionString = "Data Source=.data/functions.db";

    private readonly NpgsqlDataSource? postgres;
    private readonly string? sqliteConnectionString;

    public Database(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var storage = options.Value;
        Provider = storage.Provider;
        if (Provider == StorageProviders.Postgres)
        {
            postgres = NpgsqlDataSource.Create(storage.ConnectionString);
            return;
        }

        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(storage.ConnectionString) ? DefaultSqliteConnectionString : storage.ConnectionString)
        {
            ForeignKeys = true,
            DefaultTimeout = 30,
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (directory is not null && builder.Mode != SqliteOpenMode.Memory)
        {
            Directory.CreateDirectory(directory);
        }

        sqliteConnectionString = builder.ToString();
    }

    /// <summary><see cref="StorageProviders.Sqlite"/> or <see cref="StorageProviders.Postgres"/>.</summary>
    public string Provider { get; }

    /// <summary>Path of the SQLite file, or null with PostgreSQL.</summary>
    public string? SqliteFile => sqliteConnectionString is null ? null : new SqliteConnectionStringBuilder(sqliteConnectionString).DataSource;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (postgres is not null)
        {
            return await postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(sqliteConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => postgres?.DisposeAsync() ?? ValueTask.CompletedTask;
}

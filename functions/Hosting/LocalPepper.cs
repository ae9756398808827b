using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Configuration;
using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Hosting;

/// <summary>
/// Embedded default only: with SQLite and no <c>ApiKeys:Pepper</c> configured, a random pepper is created once in
/// the data folder (owner-only file) so local runs need no secret. PostgreSQL deployments must configure it.
/// </summary>
public sealed class LocalPepper(IOptions<StorageOptions> storage) : IPostConfigureOptions<ApiKeyOptions>
{
    public const string FileName = "api-key-pepper";

    public void PostConfigure(string? name, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Pepper.Length > 0 || storage.Value.Provider != StorageProviders.Sqlite)
        {
            return;
        }

        var connectionString = string.IsNullOrWhiteSpace(storage.Value.ConnectionString) ? Database.DefaultSqliteConnectionString : storage.Value.ConnectionString;
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource)) ?? ".";
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        options.Pepper = File.ReadAllText(path).Trim();
    }
}

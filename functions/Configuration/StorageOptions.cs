namespace VoiceConnector.Functions.Configuration;

/// <summary>Where the functions app keeps its data (<c>Storage:*</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary><see cref="StorageProviders.Sqlite"/> (embedded default) or <see cref="StorageProviders.Postgres"/>.</summary>
    public string Provider { get; set => field = value ?? ""; } = StorageProviders.Sqlite;

    /// <summary>ADO.NET connection string; for SQLite the default is a file under <c>.data/</c>.</summary>
    public string ConnectionString { get; set => field = value ?? ""; } = "";
}

using Microsoft.Extensions.Options;

namespace VoiceConnector.Functions.Configuration;

/// <summary>Checked at start: a known provider, and a connection string for PostgreSQL.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Provider switch
        {
            StorageProviders.Sqlite => ValidateOptionsResult.Success,
            StorageProviders.Postgres when !string.IsNullOrWhiteSpace(options.ConnectionString) => ValidateOptionsResult.Success,
            StorageProviders.Postgres => ValidateOptionsResult.Fail("Storage:ConnectionString is required with Storage:Provider=postgres."),
            _ => ValidateOptionsResult.Fail("Storage:Provider must be 'sqlite' or 'postgres'."),
        };
    }
}

namespace VoiceConnector.Functions.Storage;

/// <summary>Tenants and their API keys.</summary>
public sealed class TenantStore(Database database, ApiKeyHasher hasher, TimeProvider clock)
{
    /// <summary>Creates a tenant with its first API key; the key is returned once and only its hash is stored.</summary>
    public async Task<(Tenant Tenant, string ApiKey)> CreateAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var tenant = new Tenant(Ids.New("ten"), name.Trim(), clock.GetUtcNow());
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(
            transaction,
            "INSERT INTO tenants (id, name, created_at) VALUES (@id, @name, @at);",
            cancellationToken,
            ("id", tenant.Id),
            ("name", tenant.Name),
            ("at", tenant.CreatedAt.ToDb()));
        var apiKey = await InsertKeyAsync(connection, transaction, tenant.Id, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (tenant, apiKey);
    }

    /// <summary>Adds another API key to a tenant (e.g. for rotation); returns it once.</summary>
    public async Task<string> CreateApiKeyAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await InsertKeyAsync(connection, null, tenantId, cancellationToken);
    }

    /// <summary>The tenant an API key belongs to, or null for an unknown key.</summary>
    public async Task<string?> FindTenantByApiKeyAsync(string apiKey, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT tenant_id FROM api_keys WHERE key_hash = @hash;", ("hash", hasher.Hash(apiKey)));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    private async Task<string> InsertKeyAsync(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction? transaction, string tenantId, CancellationToken cancellationToken)
    {
        var apiKey = ApiKeyHasher.NewKey();
        await connection.ExecuteAsync(
            transaction,
            "INSERT INTO api_keys (id, tenant_id, key_hash, prefix, created_at) VALUES (@id, @tenant, @hash, @prefix, @at);",
            cancellationToken,
            ("id", Ids.New("key")),
            ("tenant", tenantId),
            ("hash", hasher.Hash(apiKey)),
            ("prefix", apiKey[..10]),
            ("at", clock.GetUtcNow().ToDb()));
        return apiKey;
    }
}

namespace VoiceConnector.Functions.Storage;

/// <summary>
/// Idempotency keys per tenant. A key is claimed by inserting it; the primary key (tenant, key) makes exactly one of
/// several concurrent requests win the claim, so an operation that costs money runs once per key.
/// </summary>
public sealed class IdempotencyStore(Database database, TimeProvider clock)
{
    /// <summary>True when this request claimed the key; false when it was already claimed (see <see cref="GetAsync"/>).</summary>
    public async Task<bool> TryClaimAsync(string tenantId, string key, string requestHash, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            null,
            """
            INSERT INTO idempotency (tenant_id, idempotency_key, request_hash, created_at) VALUES (@tenant, @key, @hash, @at)
            ON CONFLICT DO NOTHING;
            """,
            cancellationToken,
            ("tenant", tenantId),
            ("key", key),
            ("hash", requestHash),
            ("at", clock.GetUtcNow().ToDb())) == 1;
    }

    public async Task<IdempotencyEntry?> GetAsync(string tenantId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            "SELECT request_hash, status_code, response_body FROM idempotency WHERE tenant_id = @tenant AND idempotency_key = @key;",
            ("tenant", tenantId),
            ("key", key));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new IdempotencyEntry(reader.GetString(0), reader.NullableInt(1), reader.NullableString(2))
            : null;
    }

    /// <summary>Stores the response of the claimed request; retries get it from now on.</summary>
    public async Task CompleteAsync(string tenantId, string key, int statusCode, string responseBody, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            null,
            "UPDATE idempotency SET status_code = @status, response_body = @body WHERE tenant_id = @tenant AND idempotency_key = @key;",
            cancellationToken,
            ("status", statusCode),
            ("body", responseBody),
            ("tenant", tenantId),
            ("key", key));
    }

    /// <summary>Frees a claim whose request failed before doing anything, so a retry may run it.</summary>
    public async Task ReleaseAsync(string tenantId, string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            null,
            "DELETE FROM idempotency WHERE tenant_id = @tenant AND idempotency_key = @key AND status_code IS NULL;",
            cancellationToken,
            ("tenant", tenantId),
            ("key", key));
    }
}

using System.Data.Common;

namespace VoiceConnector.Functions.Storage;

/// <summary>Phone numbers, scoped to their tenant, and the lookup of a called number's agent.</summary>
public sealed class NumberStore(Database database)
{
    private const string Columns = "n.id, n.tenant_id, n.phone_number, n.agent_id, n.kind, n.routing, n.twilio_sid, n.created_at";

    /// <summary>Stores a number; false when the phone number is already stored (for any tenant).</summary>
    public async Task<bool> TryInsertAsync(StoredNumber number, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(number);
        await using var connection = await database.OpenAsync(cancellationToken);
        var inserted = await connection.ExecuteAsync(
            null,
            """
            INSERT INTO numbers (id, tenant_id, phone_number, agent_id, kind, routing, twilio_sid, created_at)
            VALUES (@id, @tenant, @phone, @agent, @kind, @routing, @sid, @at)
            ON CONFLICT DO NOTHING;
            """,
            cancellationToken,
            ("id", number.Id),
            ("tenant", number.TenantId),
            ("phone", number.PhoneNumber),
            ("agent", number.AgentId),
            ("kind", number.Kind),
            ("routing", number.Routing),
            ("sid", number.TwilioSid),
            ("at", number.CreatedAt.ToDb()));
        return inserted == 1;
    }

    public async Task<bool> ExistsAsync(string phoneNumber, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT COUNT(*) FROM numbers WHERE phone_number = @phone;", ("phone", phoneNumber));
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    public async Task<StoredNumber?> GetAsync(string tenantId, string numberId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM numbers n WHERE n.tenant_id = @tenant AND n.id = @id;", ("tenant", tenantId), ("id", numberId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    public async Task<IReadOnlyList<StoredNumber>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM numbers n WHERE n.tenant_id = @tenant ORDER BY n.created_at, n.id;", ("tenant", tenantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var numbers = new List<StoredNumber>();
        while (await reader.ReadAsync(cancellationToken))
        {
            numbers.Add(Read(reader));
        }

        return numbers;
    }

    /// <summary>Points a number at another agent (or none); false when the tenant has no such number.</summary>
    public async Task<bool> SetAgentAsync(string tenantId, string numberId, string? agentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            null,
            "UPDATE numbers SET agent_id = @agent WHERE tenant_id = @tenant AND id = @id;",
            cancellationToken,
            ("agent", agentId),
            ("tenant", tenantId),
            ("id", numberId)) == 1;
    }

    public async Task<bool> DeleteAsync(string tenantId, string numberId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(
            null, "DELETE FROM numbers WHERE tenant_id = @tenant AND id = @id;", cancellationToken, ("tenant", tenantId), ("id", numberId)) == 1;
    }

    /// <summary>The number and its agent, found by the called number (E.164); one query, used on every call.</summary>
    public async Task<NumberRoute?> FindRouteAsync(string phoneNumber, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns}, {AgentStore.Columns} FROM numbers n LEFT JOIN agents a ON a.id = n.agent_id WHERE n.phone_number = @phone;",
            ("phone", phoneNumber));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var number = Read(reader);
        return new NumberRoute(number, reader.IsDBNull(8) ? null : AgentStore.Read(reader, 8));
    }

    private static StoredNumber Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.NullableString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.NullableString(6),
        reader.Timestamp(7));
}

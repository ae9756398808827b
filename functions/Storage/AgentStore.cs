using System.Data.Common;
using VoiceConnector.Contracts;

namespace VoiceConnector.Functions.Storage;

/// <summary>Agents, always scoped to their tenant: a tenant never reads or writes another's agent.</summary>
public sealed class AgentStore(Database database, TimeProvider clock)
{
    internal const string Columns = "a.id, a.tenant_id, a.name, a.system_prompt, a.greeting, a.voice, a.language, a.model, a.tools, a.timings, a.created_at, a.updated_at";

    public async Task<StoredAgent> InsertAsync(string tenantId, AgentDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            null,
            """
            INSERT INTO agents (id, tenant_id, name, system_prompt, greeting, voice, language, model, tools, timings, created_at, updated_at)
            VALUES (@id, @tenant, @name, @prompt, @greeting, @voice, @language, @model, @tools, @timings, @at, @at);
            """,
            cancellationToken,
            [("tenant", tenantId), ("at", now.ToDb()), .. DefinitionParameters(definition)]);
        return new StoredAgent(tenantId, definition, now, now);
    }

    public async Task<StoredAgent?> GetAsync(string tenantId, string agentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM agents a WHERE a.tenant_id = @tenant AND a.id = @id;", ("tenant", tenantId), ("id", agentId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader, 0) : null;
    }

    public async Task<IReadOnlyList<StoredAgent>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {Columns} FROM agents a WHERE a.tenant_id = @tenant ORDER BY a.created_at, a.id;", ("tenant", tenantId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var agents = new List<StoredAgent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            agents.Add(Read(reader, 0));
        }

        return agents;
    }

    /// <summary>Replaces the agent's settings; null when the tenant has no such agent.</summary>
    public async Task<StoredAgent?> UpdateAsync(string tenantId, AgentDefinition definition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var now = clock.GetUtcNow();
        await using var connection = await database.OpenAsync(cancellationToken);
        var updated = await connection.ExecuteAsync(
            null,
            """
            UPDATE agents SET name = @name, system_prompt = @prompt, greeting = @greeting, voice = @voice, language = @language,
                model = @model, tools = @tools, timings = @timings, updated_at = @at
            WHERE tenant_id = @tenant AND id = @id;
            """,
            cancellationToken,
            [("tenant", tenantId), ("at", now.ToDb()), .. DefinitionParameters(definition)]);
        return updated == 0 ? null : await GetAsync(tenantId, definition.AgentId, cancellationToken);
    }

    /// <summary>Deletes an agent no number points at.</summary>
    public async Task<AgentDeletion> DeleteAsync(string tenantId, string agentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var inUse = connection.Command(transaction, "SELECT COUNT(*) FROM numbers WHERE tenant_id = @tenant AND agent_id = @id;", ("tenant", tenantId), ("id", agentId)))
        {
            if (Convert.ToInt64(await inUse.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                return AgentDeletion.InUse;
            }
        }

        var deleted = await connection.ExecuteAsync(
            transaction, "DELETE FROM agents WHERE tenant_id = @tenant AND id = @id;", cancellationToken, ("tenant", tenantId), ("id", agentId));
        await transaction.CommitAsync(cancellationToken);
        return deleted == 0 ? AgentDeletion.NotFound : AgentDeletion.Deleted;
    }

    /// <summary>Reads the agent columns (<see cref="Columns"/>) starting at <paramref name="first"/>.</summary>
    internal static StoredAgent Read(DbDataReader reader, int first) => new(
        reader.GetString(first + 1),
        new AgentDefinition
        {
            AgentId = reader.GetString(first),
            Name = reader.GetString(first + 2),
            SystemPrompt = reader.GetString(first + 3),
            Greeting = reader.GetString(first + 4),
            Voice = reader.GetString(first + 5),
            Language = reader.GetString(first + 6),
            Model = reader.GetString(first + 7),
            Tools = StorageJson.Read<List<string>>(reader.GetString(first + 8)),
            Timings = StorageJson.Read<AgentTimings>(reader.GetString(first + 9)),
        },
        reader.Timestamp(first + 10),
        reader.Timestamp(first + 11));

    private static (string, object?)[] DefinitionParameters(AgentDefinition definition) =>
    [
        ("id", definition.AgentId),
        ("name", definition.Name),
        ("prompt", definition.SystemPrompt),
        ("greeting", definition.Greeting),
        ("voice", definition.Voice),
        ("language", definition.Language),
        ("model", definition.Model),
        ("tools", StorageJson.Write(definition.Tools)),
        ("timings", StorageJson.Write(definition.Timings)),
    ];
}

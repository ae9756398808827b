using System.Data.Common;
using VoiceConnector.Contracts;

namespace VoiceConnector.Functions.Storage;

/// <summary>Call records (from the edge and from outbound requests) and Twilio status callbacks, joined by CallSid.</summary>
public sealed class CallStore(Database database, TimeProvider clock)
{
    private const string SummaryColumns =
        "id, call_id, twilio_call_sid, tenant_id, agent_id, direction, transport, from_number, to_number, codec, started_at, answered_at, ended_at, outcome, hangup_cause";

    /// <summary>Stores the row of an outbound call Twilio accepted; the edge's record fills it in later.</summary>
    public async Task InsertOutboundAsync(StoredCall call, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(null, InsertSql, cancellationToken, Parameters(call));
    }

    /// <summary>
    /// Stores the edge's record of a call once: true when stored now, false when a record with this CallId was
    /// already stored. A record of an outbound call fills in the row created by the outbound request.
    /// </summary>
    public async Task<bool> IngestAsync(CallRecord record, string? tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var call = new StoredCall(
            Ids.New("call"), record.CallId, record.TwilioCallSid, tenantId, record.AgentId, "inbound", record.Transport,
            record.From, record.To, record.Codec, record.StartedAt, record.AnsweredAt, record.EndedAt, record.Outcome,
            record.HangupCause, record.Turns);
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await connection.ExecuteAsync(null, InsertSql + " ON CONFLICT DO NOTHING", cancellationToken, Parameters(call)) == 1)
        {
            return true;
        }

        if (record.TwilioCallSid is null)
        {
            return false;
        }

        return await connection.ExecuteAsync(
            null,
            """
            UPDATE calls SET call_id = @call_id, transport = @transport, codec = @codec, answered_at = @answered_at,
                ended_at = @ended_at, outcome = @outcome, hangup_cause = @hangup_cause, turns = @turns,
                agent_id = COALESCE(agent_id, @agent_id)
            WHERE twilio_call_sid = @twilio_call_sid AND call_id IS NULL
              AND NOT EXISTS (SELECT 1 FROM calls c WHERE c.call_id = @call_id);
            """,
            cancellationToken,
            Parameters(call)) == 1;
    }

    /// <summary>A tenant's calls, newest first, without transcripts; <paramref name="startedBefore"/> pages backwards.</summary>
    public async Task<IReadOnlyList<StoredCall>> ListAsync(string tenantId, int limit, DateTimeOffset? startedBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var before = startedBefore is null ? "" : "AND started_at < @before";
        await using var command = connection.Command(
            $"SELECT {SummaryColumns}, '[]' FROM calls WHERE tenant_id = @tenant {before} ORDER BY started_at DESC, id DESC LIMIT @limit;",
            ("tenant", tenantId),
            ("before", startedBefore.ToDb()),
            ("limit", limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var calls = new List<StoredCall>();
        while (await reader.ReadAsync(cancellationToken))
        {
            calls.Add(Read(reader));
        }

        return calls;
    }

    public async Task<StoredCall?> GetAsync(string tenantId, string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            $"SELECT {SummaryColumns}, turns FROM calls WHERE tenant_id = @tenant AND id = @id;", ("tenant", tenantId), ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? Read(reader) : null;
    }

    /// <summary>Stores a status callback; a repeated one (same CallSid, sequence and status) is stored once.</summary>
    public async Task AddStatusEventAsync(StatusEvent statusEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(statusEvent);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            null,
            """
            INSERT INTO call_status_events (id, call_sid, call_status, sequence_number, call_duration, sip_response_code, event_timestamp, received_at)
            VALUES (@id, @sid, @status, @sequence, @duration, @sip, @timestamp, @received)
            ON CONFLICT DO NOTHING;
            """,
            cancellationToken,
            ("id", Ids.New("evt")),
            ("sid", statusEvent.CallSid),
            ("status", statusEvent.CallStatus),
            ("sequence", statusEvent.SequenceNumber),
            ("duration", statusEvent.CallDuration),
            ("sip", statusEvent.SipResponseCode),
            ("timestamp", statusEvent.Timestamp),
            ("received", statusEvent.ReceivedAt.ToDb()));
    }

    /// <summary>Status callbacks of a Twilio call in firing order.</summary>
    public async Task<IReadOnlyList<StatusEvent>> StatusEventsAsync(string callSid, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command(
            """
            SELECT call_sid, call_status, sequence_number, call_duration, sip_response_code, event_timestamp, received_at
            FROM call_status_events WHERE call_sid = @sid ORDER BY sequence_number, received_at;
            """,
            ("sid", callSid));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<StatusEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new StatusEvent(
                reader.GetString(0), reader.GetString(1), reader.Int(2), reader.NullableInt(3), reader.NullableInt(4),
                reader.NullableString(5), reader.Timestamp(6)));
        }

        return events;
    }

    private const string InsertSql = """
        INSERT INTO calls (id, call_id, twilio_call_sid, tenant_id, agent_id, direction, transport, from_number, to_number, codec,
            started_at, answered_at, ended_at, outcome, hangup_cause, turns, created_at)
        VALUES (@id, @call_id, @twilio_call_sid, @tenant_id, @agent_id, @direction, @transport, @from_number, @to_number, @codec,
            @started_at, @answered_at, @ended_at, @outcome, @hangup_cause, @turns, @created_at)
        """;

    private (string, object?)[] Parameters(StoredCall call) =>
    [
        ("id", call.Id),
        ("call_id", call.CallId),
        ("twilio_call_sid", call.TwilioCallSid),
        ("tenant_id", call.TenantId),
        ("agent_id", call.AgentId),
        ("direction", call.Direction),
        ("transport", call.Transport),
        ("from_number", call.From),
        ("to_number", call.To),
        ("codec", call.Codec),
        ("started_at", call.StartedAt.ToDb()),
        ("answered_at", call.AnsweredAt.ToDb()),
        ("ended_at", call.EndedAt.ToDb()),
        ("outcome", call.Outcome),
        ("hangup_cause", call.HangupCause),
        ("turns", StorageJson.Write(call.Turns)),
        ("created_at", clock.GetUtcNow().ToDb()),
    ];

    private static StoredCall Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.NullableString(1),
        reader.NullableString(2),
        reader.NullableString(3),
        reader.NullableString(4),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetString(7),
        reader.GetString(8),
        reader.GetString(9),
        reader.Timestamp(10),
        reader.NullableTimestamp(11),
        reader.NullableTimestamp(12),
        reader.NullableString(13),
        reader.NullableString(14),
        StorageJson.Read<List<TranscriptTurn>>(reader.GetString(15)));
}

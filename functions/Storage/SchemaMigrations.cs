namespace VoiceConnector.Functions.Storage;

/// <summary>
/// The schema, as ordered migrations written in the SQL both PostgreSQL and SQLite accept (TEXT ids, ISO 8601 UTC
/// text timestamps, JSON as text). Append new versions; never edit an applied one.
/// </summary>
internal static class SchemaMigrations
{
    public static IReadOnlyList<(int Version, string Sql)> All { get; } =
    [
        (1, """
            CREATE TABLE tenants (
                id TEXT PRIMARY KEY,
                name TEXT NOT NULL,
                created_at TEXT NOT NULL);
            CREATE TABLE api_keys (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants (id),
                key_hash TEXT NOT NULL UNIQUE,
                prefix TEXT NOT NULL,
                created_at TEXT NOT NULL);
            CREATE TABLE agents (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants (id),
                name TEXT NOT NULL,
                system_prompt TEXT NOT NULL,
                greeting TEXT NOT NULL,
                voice TEXT NOT NULL,
                language TEXT NOT NULL,
                model TEXT NOT NULL,
                tools TEXT NOT NULL,
                timings TEXT NOT NULL,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL);
            CREATE INDEX agents_tenant ON agents (tenant_id, created_at);
            CREATE TABLE numbers (
                id TEXT PRIMARY KEY,
                tenant_id TEXT NOT NULL REFERENCES tenants (id),
                phone_number TEXT NOT NULL UNIQUE,
                agent_id TEXT REFERENCES agents (id),
                kind TEXT NOT NULL CHECK (kind IN ('twilio', 'sip')),
                routing TEXT NOT NULL CHECK (routing IN ('stream', 'sip')),
                twilio_sid TEXT UNIQUE,
                created_at TEXT NOT NULL);
            CREATE INDEX numbers_tenant ON numbers (tenant_id, created_at);
            CREATE INDEX numbers_agent ON numbers (agent_id);
            CREATE TABLE idempotency (
                tenant_id TEXT NOT NULL REFERENCES tenants (id),
                idempotency_key TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                status_code INTEGER,
                response_body TEXT,
                created_at TEXT NOT NULL,
                PRIMARY KEY (tenant_id, idempotency_key));
            CREATE TABLE calls (
                id TEXT PRIMARY KEY,
                call_id TEXT UNIQUE,
                twilio_call_sid TEXT UNIQUE,
                tenant_id TEXT,
                agent_id TEXT,
                direction TEXT NOT NULL,
                transport TEXT NOT NULL,
                from_number TEXT NOT NULL,
                to_number TEXT NOT NULL,
                codec TEXT NOT NULL,
                started_at TEXT NOT NULL,
                answered_at TEXT,
                ended_at TEXT,
                outcome TEXT,
                hangup_cause TEXT,
                turns TEXT NOT NULL,
                created_at TEXT NOT NULL);
            CREATE INDEX calls_tenant ON calls (tenant_id, started_at);
            CREATE TABLE call_status_events (
                id TEXT PRIMARY KEY,
                call_sid TEXT NOT NULL,
                call_status TEXT NOT NULL,
                sequence_number INTEGER NOT NULL,
                call_duration INTEGER,
                sip_response_code INTEGER,
                event_timestamp TEXT,
                received_at TEXT NOT NULL,
                UNIQUE (call_sid, sequence_number, call_status));
            """),
    ];
}

namespace VoiceConnector.Infra.Model;

/// <summary>A project-level role for a service account (kept to the few a workload cannot run without).</summary>
public sealed record ProjectRoleGrant(string ServiceAccount, string Role);

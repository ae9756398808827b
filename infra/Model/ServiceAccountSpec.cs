namespace VoiceConnector.Infra.Model;

/// <summary>A workload identity; <paramref name="AccountId"/> is the e-mail's local part.</summary>
public sealed record ServiceAccountSpec(string AccountId, string DisplayName);

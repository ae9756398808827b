namespace VoiceConnector.Infra.Model;

/// <summary>A value fixed by the stack configuration.</summary>
public sealed record LiteralEnvValue(string Value) : EnvValue;

namespace VoiceConnector.Infra.Model;

/// <summary>A resource output formatted with <paramref name="Format"/> (<c>{0}</c> is the output's value).</summary>
public sealed record OutputEnvValue(OutputRef Source, string Format) : EnvValue;

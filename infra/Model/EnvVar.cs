namespace VoiceConnector.Infra.Model;

/// <summary>An environment variable (<c>__</c> stands for the configuration separator <c>:</c>).</summary>
public sealed record EnvVar(string Name, EnvValue Value)
{
    public static EnvVar Literal(string name, string value) => new(name, new LiteralEnvValue(value));

    public static EnvVar Secret(string name, string secretId) => new(name, new SecretEnvValue(secretId));

    public static EnvVar Output(string name, OutputRef source, string format = "{0}") => new(name, new OutputEnvValue(source, format));
}

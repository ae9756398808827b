namespace VoiceConnector.Infra.Model;

/// <summary>The external IP address of the VM the container runs on, read from the metadata server at boot.</summary>
public sealed record InstanceExternalIpEnvValue : EnvValue;

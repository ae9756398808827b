namespace VoiceConnector.Infra.Model;

/// <summary>Where an environment variable's value comes from.</summary>
public abstract record EnvValue;

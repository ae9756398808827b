namespace VoiceConnector.Infra.Model;

/// <summary>One cloud resource of the deployment: its kind (<see cref="ResourceKinds"/>) and logical name.</summary>
public sealed record ResourceDescriptor(string Kind, string Name);

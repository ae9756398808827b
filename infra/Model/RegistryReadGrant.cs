namespace VoiceConnector.Infra.Model;

/// <summary><c>roles/artifactregistry.reader</c> on the image repository (a VM pulling its container image).</summary>
public sealed record RegistryReadGrant(string ServiceAccount)
{
    public const string Role = "roles/artifactregistry.reader";
}

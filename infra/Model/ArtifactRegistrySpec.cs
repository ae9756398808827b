namespace VoiceConnector.Infra.Model;

/// <summary>The Docker repository holding the project's images; <paramref name="Host"/> + <paramref name="Path"/> prefix image names.</summary>
public sealed record ArtifactRegistrySpec(string RepositoryId, string Location, string Host, string Path)
{
    public string ImageName(string image, string tag) => $"{Host}/{Path}/{image}:{tag}";
}

using Pulumi;
using Gcp = Pulumi.Gcp;
using Model = VoiceConnector.Infra.Model;

namespace VoiceConnector.Deploy.Components;

/// <summary>The Artifact Registry Docker repository, and read access for the VMs that pull from it.</summary>
internal sealed class RegistryComponent : ComponentResource
{
    public RegistryComponent(Model.Deployment model, IdentityComponent identity)
        : base("voice-connector:infra:Registry", "registry")
    {
        var spec = model.Registry;
        var repository = new Gcp.ArtifactRegistry.Repository(spec.RepositoryId, new Gcp.ArtifactRegistry.RepositoryArgs
        {
            RepositoryId = spec.RepositoryId,
            Location = spec.Location,
            Format = "DOCKER",
        }, new CustomResourceOptions { Parent = this });

        foreach (var reader in model.RegistryReaders)
        {
            Grants.Add(new Gcp.ArtifactRegistry.RepositoryIamMember(Model.ResourceNames.RegistryReader(reader), new Gcp.ArtifactRegistry.RepositoryIamMemberArgs
            {
                Repository = repository.Name,
                Location = repository.Location,
                Role = Model.RegistryReadGrant.Role,
                Member = identity.Member(reader.ServiceAccount),
            }, new CustomResourceOptions { Parent = this }));
        }

        RegisterOutputs();
    }

    public List<Resource> Grants { get; } = [];
}

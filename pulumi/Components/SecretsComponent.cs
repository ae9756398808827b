using Pulumi;
using Gcp = Pulumi.Gcp;
using Model = VoiceConnector.Infra.Model;

namespace VoiceConnector.Deploy.Components;

/// <summary>The Secret Manager secrets, their values, and read access for exactly the accounts the model names.</summary>
internal sealed class SecretsComponent : ComponentResource
{
    private readonly Dictionary<string, Gcp.SecretManager.Secret> _secrets = [];

    public SecretsComponent(Model.Deployment model, IdentityComponent identity, DatabaseComponent database)
        : base("voice-connector:infra:Secrets", "secrets")
    {
        var options = new CustomResourceOptions { Parent = this };
        foreach (var spec in model.Secrets)
        {
            var secret = new Gcp.SecretManager.Secret(spec.Id, new Gcp.SecretManager.SecretArgs
            {
                SecretId = spec.Id,
                Replication = new Gcp.SecretManager.Inputs.SecretReplicationArgs
                {
                    Auto = new Gcp.SecretManager.Inputs.SecretReplicationAutoArgs(),
                },
            }, options);
            _secrets[spec.Id] = secret;

            var value = spec.DatabaseConnectionString ? database.ConnectionString : StackConfig.Secret(spec.ConfigKey!);
            Ready.Add(new Gcp.SecretManager.SecretVersion(spec.Id, new Gcp.SecretManager.SecretVersionArgs
            {
                Secret = secret.Id,
                SecretData = value,
            }, options));
        }

        foreach (var grant in model.SecretAccess)
        {
            Ready.Add(new Gcp.SecretManager.SecretIamMember(Model.ResourceNames.SecretAccess(grant), new Gcp.SecretManager.SecretIamMemberArgs
            {
                SecretId = _secrets[grant.SecretId].Id,
                Role = Model.SecretAccessGrant.Role,
                Member = identity.Member(grant.ServiceAccount),
            }, options));
        }

        RegisterOutputs();
    }

    /// <summary>The versions and grants a workload must wait for before it starts reading secrets.</summary>
    public List<Resource> Ready { get; } = [];

    public Output<string> SecretId(string id) => _secrets[id].SecretId;
}

using Pulumi;
using Gcp = Pulumi.Gcp;
using Model = VoiceConnector.Infra.Model;

namespace VoiceConnector.Deploy.Components;

/// <summary>One service account per workload and the few project roles the model grants.</summary>
internal sealed class IdentityComponent : ComponentResource
{
    private readonly Dictionary<string, Gcp.ServiceAccount.Account> _accounts = [];

    public IdentityComponent(Model.Deployment model)
        : base("voice-connector:infra:Identity", "identity")
    {
        foreach (var spec in model.ServiceAccounts)
        {
            _accounts[spec.AccountId] = new Gcp.ServiceAccount.Account(spec.AccountId, new Gcp.ServiceAccount.AccountArgs
            {
                AccountId = spec.AccountId,
                DisplayName = spec.DisplayName,
            }, new CustomResourceOptions { Parent = this });
        }

        foreach (var grant in model.ProjectRoles)
        {
            Grants.Add(new Gcp.Projects.IAMMember(Model.ResourceNames.ProjectRole(grant), new Gcp.Projects.IAMMemberArgs
            {
                Project = model.Project,
                Role = grant.Role,
                Member = Member(grant.ServiceAccount),
            }, new CustomResourceOptions { Parent = this }));
        }

        RegisterOutputs();
    }

    public List<Resource> Grants { get; } = [];

    public Output<string> Email(string accountId) => _accounts[accountId].Email;

    public Output<string> Member(string accountId) => Output.Format($"serviceAccount:{_accounts[accountId].Email}");
}

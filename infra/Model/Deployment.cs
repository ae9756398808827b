namespace VoiceConnector.Infra.Model;

/// <summary>The whole deployment of one stack, as plain data. <see cref="Resources"/> lists every cloud resource.</summary>
public sealed record Deployment
{
    public required string Project { get; init; }
    public required string Region { get; init; }
    public required ArtifactRegistrySpec Registry { get; init; }
    public required NetworkSpec Network { get; init; }
    public required IReadOnlyList<ServiceAccountSpec> ServiceAccounts { get; init; }
    public required IReadOnlyList<SecretSpec> Secrets { get; init; }
    public required IReadOnlyList<SecretAccessGrant> SecretAccess { get; init; }
    public required IReadOnlyList<ProjectRoleGrant> ProjectRoles { get; init; }
    public required IReadOnlyList<RegistryReadGrant> RegistryReaders { get; init; }
    public required DatabaseSpec Database { get; init; }
    public required IReadOnlyList<CloudRunServiceSpec> Services { get; init; }
    public required IReadOnlyList<InvokerGrant> Invokers { get; init; }
    public required EdgeSpec Edge { get; init; }
    public required IReadOnlyList<FirewallRuleSpec> Firewalls { get; init; }
    public required LoadBalancerSpec LoadBalancer { get; init; }
    public required IReadOnlyList<OutputSpec> Outputs { get; init; }

    public CloudRunServiceSpec Service(string name) => Services.Single(s => s.Name == name);

    /// <summary>Every cloud resource the deployment consists of, with the logical name the program gives it.</summary>
    public IEnumerable<ResourceDescriptor> Resources()
    {
        yield return new(ResourceKinds.Repository, Registry.RepositoryId);
        foreach (var reader in RegistryReaders)
        {
            yield return new(ResourceKinds.RepositoryIamMember, ResourceNames.RegistryReader(reader));
        }

        yield return new(ResourceKinds.Network, Network.Name);
        yield return new(ResourceKinds.Subnetwork, Network.SubnetName);
        yield return new(ResourceKinds.GlobalAddress, Network.PrivateServiceRangeName);
        yield return new(ResourceKinds.ServiceNetworkingConnection, Network.PrivateServiceConnectionName);

        foreach (var account in ServiceAccounts)
        {
            yield return new(ResourceKinds.ServiceAccount, account.AccountId);
        }

        foreach (var role in ProjectRoles)
        {
            yield return new(ResourceKinds.ProjectIamMember, ResourceNames.ProjectRole(role));
        }

        foreach (var secret in Secrets)
        {
            yield return new(ResourceKinds.Secret, secret.Id);
            yield return new(ResourceKinds.SecretVersion, secret.Id);
        }

        foreach (var access in SecretAccess)
        {
            yield return new(ResourceKinds.SecretIamMember, ResourceNames.SecretAccess(access));
        }

        yield return new(ResourceKinds.SqlInstance, Database.InstanceName);
        yield return new(ResourceKinds.SqlDatabase, Database.DatabaseName);
        yield return new(ResourceKinds.SqlUser, Database.UserName);

        foreach (var service in Services)
        {
            yield return new(ResourceKinds.CloudRunService, service.Name);
        }

        foreach (var invoker in Invokers)
        {
            yield return new(ResourceKinds.CloudRunServiceIamMember, ResourceNames.Invoker(invoker));
        }

        foreach (var address in Edge.AddressNames)
        {
            yield return new(ResourceKinds.Address, address);
        }

        yield return new(ResourceKinds.HealthCheck, Edge.HealthCheckName);
        yield return new(ResourceKinds.InstanceTemplate, Edge.TemplateName);
        yield return new(ResourceKinds.RegionInstanceGroupManager, Edge.GroupName);
        foreach (var instance in Edge.InstanceNames)
        {
            yield return new(ResourceKinds.RegionPerInstanceConfig, instance);
        }

        foreach (var rule in Firewalls)
        {
            yield return new(ResourceKinds.Firewall, rule.Name);
        }

        yield return new(ResourceKinds.GlobalAddress, LoadBalancer.AddressName);
        yield return new(ResourceKinds.ManagedSslCertificate, LoadBalancer.CertificateName);
        yield return new(ResourceKinds.BackendService, LoadBalancer.BackendName);
        yield return new(ResourceKinds.UrlMap, LoadBalancer.UrlMapName);
        yield return new(ResourceKinds.TargetHttpsProxy, LoadBalancer.ProxyName);
        yield return new(ResourceKinds.GlobalForwardingRule, LoadBalancer.ForwardingRuleName);
    }
}

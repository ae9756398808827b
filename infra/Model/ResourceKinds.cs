namespace VoiceConnector.Infra.Model;

/// <summary>
/// The kinds of cloud resource the deployment is made of, named as the Pulumi.Gcp classes that create them (namespace
/// below <c>Pulumi.Gcp</c> and class name), so the Pulumi program can be checked against the model.
/// </summary>
public static class ResourceKinds
{
    public const string Repository = "ArtifactRegistry.Repository";
    public const string RepositoryIamMember = "ArtifactRegistry.RepositoryIamMember";
    public const string Network = "Compute.Network";
    public const string Subnetwork = "Compute.Subnetwork";
    public const string GlobalAddress = "Compute.GlobalAddress";
    public const string ServiceNetworkingConnection = "ServiceNetworking.Connection";
    public const string Secret = "SecretManager.Secret";
    public const string SecretVersion = "SecretManager.SecretVersion";
    public const string SecretIamMember = "SecretManager.SecretIamMember";
    public const string ServiceAccount = "ServiceAccount.Account";
    public const string ProjectIamMember = "Projects.IAMMember";
    public const string SqlInstance = "Sql.DatabaseInstance";
    public const string SqlDatabase = "Sql.Database";
    public const string SqlUser = "Sql.User";
    public const string CloudRunService = "CloudRunV2.Service";
    public const string CloudRunServiceIamMember = "CloudRunV2.ServiceIamMember";
    public const string Address = "Compute.Address";
    public const string InstanceTemplate = "Compute.InstanceTemplate";
    public const string RegionInstanceGroupManager = "Compute.RegionInstanceGroupManager";
    public const string RegionPerInstanceConfig = "Compute.RegionPerInstanceConfig";
    public const string Firewall = "Compute.Firewall";
    public const string HealthCheck = "Compute.HealthCheck";
    public const string ManagedSslCertificate = "Compute.ManagedSslCertificate";
    public const string BackendService = "Compute.BackendService";
    public const string UrlMap = "Compute.URLMap";
    public const string TargetHttpsProxy = "Compute.TargetHttpsProxy";
    public const string GlobalForwardingRule = "Compute.GlobalForwardingRule";

    /// <summary>Not a resource: the project's number, read by the program (Organizations.GetProject).</summary>
    public const string ProjectInfo = "Organizations.Project";
}

namespace VoiceConnector.Infra.Model;

/// <summary>Logical names of the grant resources, shared by the model and the Pulumi program.</summary>
public static class ResourceNames
{
    public static string RegistryReader(RegistryReadGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return $"registry-reader-{grant.ServiceAccount}";
    }

    public static string ProjectRole(ProjectRoleGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return $"{grant.ServiceAccount}-{grant.Role.Replace("roles/", string.Empty, StringComparison.Ordinal).Replace('.', '-')}";
    }

    public static string SecretAccess(SecretAccessGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return $"{grant.SecretId}-reader-{grant.ServiceAccount}";
    }

    public static string Invoker(InvokerGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        return $"{grant.Service}-invoker-{grant.ServiceAccount ?? "public"}";
    }
}

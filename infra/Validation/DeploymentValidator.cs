using VoiceConnector.Infra.Configuration;
using VoiceConnector.Infra.Model;

namespace VoiceConnector.Infra.Validation;

/// <summary>
/// Checks that the assembled deployment holds together: every reference resolves, every secret a workload reads exists
/// and is granted, scaling bounds are sane, GPUs are available in the region, and the firewall opens exactly the ports
/// the edge is configured to use.
/// </summary>
public static class DeploymentValidator
{
    public static IReadOnlyList<string> Validate(Deployment deployment)
    {
        ArgumentNullException.ThrowIfNull(deployment);
        var errors = new List<string>();
        var accounts = deployment.ServiceAccounts.Select(a => a.AccountId).ToHashSet(StringComparer.Ordinal);
        var secrets = deployment.Secrets.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var resources = deployment.Resources().ToHashSet();

        foreach (var secret in deployment.Secrets.Where(s => s.ConfigKey is not null && !StackConfigKeys.Secrets.Contains(s.ConfigKey)))
        {
            errors.Add($"Secret '{secret.Id}' takes its value from '{secret.ConfigKey}', which is not a secret configuration key.");
        }

        foreach (var service in deployment.Services)
        {
            ValidateService(deployment.Region, service, accounts, errors);
            ValidateEnv($"Service '{service.Name}'", service.ServiceAccount, service.Env, deployment, secrets, resources, errors);
        }

        if (!accounts.Contains(deployment.Edge.ServiceAccount))
        {
            errors.Add($"The edge runs as '{deployment.Edge.ServiceAccount}', which is not a defined service account.");
        }

        ValidateEnv("The edge", deployment.Edge.ServiceAccount, deployment.Edge.Env, deployment, secrets, resources, errors);
        ValidateGrants(deployment, accounts, secrets, errors);
        FirewallConsistency.Validate(deployment.Edge, deployment.Firewalls, errors);

        foreach (var output in deployment.Outputs)
        {
            foreach (var source in output.Sources.Where(s => !Resolves(s, resources)))
            {
                errors.Add($"Output '{output.Name}' refers to {source.Kind} '{source.Name}', which the deployment does not create.");
            }
        }

        return errors;
    }

    private static void ValidateService(string region, CloudRunServiceSpec service, HashSet<string> accounts, List<string> errors)
    {
        if (!accounts.Contains(service.ServiceAccount))
        {
            errors.Add($"Service '{service.Name}' runs as '{service.ServiceAccount}', which is not a defined service account.");
        }

        if (service.MinInstances < 0 || service.MaxInstances < 1 || service.MinInstances > service.MaxInstances)
        {
            errors.Add($"Service '{service.Name}': min instances {service.MinInstances} / max instances {service.MaxInstances} are invalid (0 <= min <= max, max >= 1).");
        }

        if (service.Concurrency < 1 || service.RequestTimeoutSeconds < 1)
        {
            errors.Add($"Service '{service.Name}': concurrency and request timeout must be positive.");
        }

        foreach (var probe in new[] { service.StartupProbe, service.LivenessProbe }.Where(p => p.Port != service.ContainerPort))
        {
            errors.Add($"Service '{service.Name}': a probe targets port {probe.Port}, but the container listens on {service.ContainerPort}.");
        }

        if (service.LivenessProbe.HttpPath is null)
        {
            errors.Add($"Service '{service.Name}': the liveness probe must be an HTTP GET (Cloud Run checks liveness over HTTP).");
        }

        if (service.Gpus > 0)
        {
            if (service.GpuAccelerator != CloudRunGpuRegions.L4Accelerator)
            {
                errors.Add($"Service '{service.Name}' requests GPU '{service.GpuAccelerator}'; Cloud Run offers '{CloudRunGpuRegions.L4Accelerator}'.");
            }
            else if (!CloudRunGpuRegions.L4.Contains(region))
            {
                errors.Add($"Service '{service.Name}' needs an {CloudRunGpuRegions.L4Accelerator} GPU, but Cloud Run has no L4 GPUs in region '{region}'. " +
                    $"Set '{StackConfigKeys.GcpRegion}' to one of: {string.Join(", ", CloudRunGpuRegions.L4.Order(StringComparer.Ordinal))}.");
            }

            if (service.CpuIdle)
            {
                errors.Add($"Service '{service.Name}' has a GPU, which requires CPU always allocated (CpuIdle = false).");
            }
        }
    }

    private static void ValidateEnv(string owner, string account, IReadOnlyList<EnvVar> env, Deployment deployment, HashSet<string> secrets, HashSet<ResourceDescriptor> resources, List<string> errors)
    {
        foreach (var name in env.GroupBy(e => e.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key))
        {
            errors.Add($"{owner} sets environment variable '{name}' more than once.");
        }

        foreach (var variable in env)
        {
            switch (variable.Value)
            {
                case SecretEnvValue s when !secrets.Contains(s.SecretId):
                    errors.Add($"{owner}: '{variable.Name}' refers to secret '{s.SecretId}', which is not defined.");
                    break;
                case SecretEnvValue s when !deployment.SecretAccess.Contains(new SecretAccessGrant(s.SecretId, account)):
                    errors.Add($"{owner}: '{variable.Name}' reads secret '{s.SecretId}', but '{account}' is not granted access to it.");
                    break;
                case OutputEnvValue o when !Resolves(o.Source, resources):
                    errors.Add($"{owner}: '{variable.Name}' refers to {o.Source.Kind} '{o.Source.Name}', which the deployment does not create.");
                    break;
                case OutputEnvValue o when !o.Format.Contains("{0}", StringComparison.Ordinal):
                    errors.Add($"{owner}: '{variable.Name}' has format '{o.Format}' without '{{0}}'.");
                    break;
                default:
                    break;
            }
        }
    }

    private static void ValidateGrants(Deployment deployment, HashSet<string> accounts, HashSet<string> secrets, List<string> errors)
    {
        foreach (var grant in deployment.SecretAccess)
        {
            if (!secrets.Contains(grant.SecretId) || !accounts.Contains(grant.ServiceAccount))
            {
                errors.Add($"Secret access grant '{grant.SecretId}' -> '{grant.ServiceAccount}' names an undefined secret or account.");
            }
        }

        var services = deployment.Services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var grant in deployment.Invokers)
        {
            if (!services.Contains(grant.Service) || (grant.ServiceAccount is { } sa && !accounts.Contains(sa)))
            {
                errors.Add($"Invoker grant on '{grant.Service}' for '{grant.ServiceAccount ?? InvokerGrant.AllUsers}' names an undefined service or account.");
            }
        }

        foreach (var account in deployment.ProjectRoles.Select(r => r.ServiceAccount).Concat(deployment.RegistryReaders.Select(r => r.ServiceAccount)))
        {
            if (!accounts.Contains(account))
            {
                errors.Add($"A role is granted to '{account}', which is not a defined service account.");
            }
        }

        if (deployment.Database.PublicIp)
        {
            errors.Add("The database must not have a public IP.");
        }
    }

    private static bool Resolves(OutputRef source, HashSet<ResourceDescriptor> resources) =>
        source.Kind == ResourceKinds.ProjectInfo || resources.Contains(new ResourceDescriptor(source.Kind, source.Name));
}

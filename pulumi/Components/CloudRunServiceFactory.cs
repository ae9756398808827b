using System.Globalization;
using Pulumi;
using Gcp = Pulumi.Gcp;
using Run = Pulumi.Gcp.CloudRunV2.Inputs;
using Model = VoiceConnector.Infra.Model;

namespace VoiceConnector.Deploy.Components;

/// <summary>Maps one <see cref="Model.CloudRunServiceSpec"/> to a Cloud Run v2 service, field by field.</summary>
internal static class CloudRunServiceFactory
{
    public static Gcp.CloudRunV2.Service Create(
        Model.CloudRunServiceSpec spec,
        Model.Deployment model,
        IdentityComponent identity,
        SecretsComponent secrets,
        NetworkComponent network,
        OutputResolver resolver,
        Resource parent)
    {
        var limits = new InputMap<string> { { "cpu", spec.Cpu }, { "memory", spec.Memory } };
        if (spec.Gpus > 0)
        {
            limits.Add("nvidia.com/gpu", spec.Gpus.ToString(CultureInfo.InvariantCulture));
        }

        var container = new Run.ServiceTemplateContainerArgs
        {
            Image = spec.Image,
            Ports = new Run.ServiceTemplateContainerPortsArgs { ContainerPort = spec.ContainerPort },
            Resources = new Run.ServiceTemplateContainerResourcesArgs
            {
                Limits = limits,
                CpuIdle = spec.CpuIdle,
                StartupCpuBoost = true,
            },
            StartupProbe = StartupProbe(spec.StartupProbe),
            LivenessProbe = LivenessProbe(spec.LivenessProbe),
        };
        foreach (var variable in spec.Env)
        {
            container.Envs.Add(Env(variable, secrets, resolver));
        }

        var template = new Run.ServiceTemplateArgs
        {
            ServiceAccount = identity.Email(spec.ServiceAccount),
            MaxInstanceRequestConcurrency = spec.Concurrency,
            Timeout = spec.RequestTimeoutSeconds.ToString(CultureInfo.InvariantCulture) + "s",
            Scaling = new Run.ServiceTemplateScalingArgs
            {
                MinInstanceCount = spec.MinInstances,
                MaxInstanceCount = spec.MaxInstances,
            },
            Containers = { container },
        };
        if (spec.Gpus > 0)
        {
            template.NodeSelector = new Run.ServiceTemplateNodeSelectorArgs { Accelerator = spec.GpuAccelerator! };
            template.GpuZonalRedundancyDisabled = true;
        }

        if (spec.VpcEgress)
        {
            template.VpcAccess = new Run.ServiceTemplateVpcAccessArgs
            {
                Egress = "PRIVATE_RANGES_ONLY",
                NetworkInterfaces =
                {
                    new Run.ServiceTemplateVpcAccessNetworkInterfaceArgs { Network = network.Network.Id, Subnetwork = network.Subnetwork.Id },
                },
            };
        }

        var service = new Gcp.CloudRunV2.Service(spec.Name, new Gcp.CloudRunV2.ServiceArgs
        {
            Name = spec.Name,
            Location = model.Region,
            Ingress = "INGRESS_TRAFFIC_ALL",
            DeletionProtection = false,
            Template = template,
        }, new CustomResourceOptions { Parent = parent, DependsOn = secrets.Ready.ToArray() });
        resolver.Register(Model.OutputRef.ServiceUri(spec.Name), service.Uri);
        return service;
    }

    public static void GrantInvokers(Model.Deployment model, Gcp.CloudRunV2.Service service, string serviceName, IdentityComponent identity, Resource parent)
    {
        foreach (var grant in model.Invokers.Where(g => g.Service == serviceName))
        {
            _ = new Gcp.CloudRunV2.ServiceIamMember(Model.ResourceNames.Invoker(grant), new Gcp.CloudRunV2.ServiceIamMemberArgs
            {
                Name = service.Name,
                Location = service.Location,
                Role = Model.InvokerGrant.Role,
                Member = grant.ServiceAccount is { } account ? identity.Member(account) : Output.Create(Model.InvokerGrant.AllUsers),
            }, new CustomResourceOptions { Parent = parent });
        }
    }

    private static Run.ServiceTemplateContainerEnvArgs Env(Model.EnvVar variable, SecretsComponent secrets, OutputResolver resolver) =>
        variable.Value switch
        {
            Model.LiteralEnvValue literal => new() { Name = variable.Name, Value = literal.Value },
            Model.OutputEnvValue output => new() { Name = variable.Name, Value = resolver.Format(output.Source, output.Format) },
            Model.SecretEnvValue secret => new()
            {
                Name = variable.Name,
                ValueSource = new Run.ServiceTemplateContainerEnvValueSourceArgs
                {
                    SecretKeyRef = new Run.ServiceTemplateContainerEnvValueSourceSecretKeyRefArgs
                    {
                        Secret = secrets.SecretId(secret.SecretId),
                        Version = "latest",
                    },
                },
            },
            _ => throw new InvalidOperationException($"'{variable.Name}': this value kind is not available on Cloud Run."),
        };

    private static Run.ServiceTemplateContainerStartupProbeArgs StartupProbe(Model.ProbeSpec probe)
    {
        var args = new Run.ServiceTemplateContainerStartupProbeArgs
        {
            InitialDelaySeconds = probe.InitialDelaySeconds,
            PeriodSeconds = probe.PeriodSeconds,
            TimeoutSeconds = probe.TimeoutSeconds,
            FailureThreshold = probe.FailureThreshold,
        };
        if (probe.HttpPath is { } path)
        {
            args.HttpGet = new Run.ServiceTemplateContainerStartupProbeHttpGetArgs { Path = path, Port = probe.Port };
        }
        else
        {
            args.TcpSocket = new Run.ServiceTemplateContainerStartupProbeTcpSocketArgs { Port = probe.Port };
        }

        return args;
    }

    private static Run.ServiceTemplateContainerLivenessProbeArgs LivenessProbe(Model.ProbeSpec probe)
    {
        var args = new Run.ServiceTemplateContainerLivenessProbeArgs
        {
            InitialDelaySeconds = probe.InitialDelaySeconds,
            PeriodSeconds = probe.PeriodSeconds,
            TimeoutSeconds = probe.TimeoutSeconds,
            FailureThreshold = probe.FailureThreshold,
            // The model's validator guarantees an HTTP path for liveness probes.
            HttpGet = new Run.ServiceTemplateContainerLivenessProbeHttpGetArgs { Path = probe.HttpPath!, Port = probe.Port },
        };
        return args;
    }
}

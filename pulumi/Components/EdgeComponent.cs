using Pulumi;
using VoiceConnector.Infra.Building;
using Gcp = Pulumi.Gcp;
using Compute = Pulumi.Gcp.Compute.Inputs;
using Model = VoiceConnector.Infra.Model;

namespace VoiceConnector.Deploy.Components;

/// <summary>
/// The edge: a regional managed instance group of Container-Optimized OS VMs (cloud-init runs the edge image), each
/// instance pinned to its static IP by a per-instance config, autohealed by the edge's /health, and the firewall
/// rules the model computed from the same ports.
/// </summary>
internal sealed class EdgeComponent : ComponentResource
{
    private const string NetworkInterface = "nic0";

    public EdgeComponent(
        Model.Deployment model,
        IdentityComponent identity,
        SecretsComponent secrets,
        NetworkComponent network,
        EdgeAddressesComponent addresses,
        OutputResolver resolver,
        RegistryComponent registry,
        IReadOnlyList<Resource> upstream)
        : base("voice-connector:infra:Edge", "edge")
    {
        var spec = model.Edge;
        var options = new CustomResourceOptions { Parent = this };
        HealthCheck = new Gcp.Compute.HealthCheck(spec.HealthCheckName, new Gcp.Compute.HealthCheckArgs
        {
            Name = spec.HealthCheckName,
            CheckIntervalSec = 10,
            TimeoutSec = 5,
            HealthyThreshold = 2,
            UnhealthyThreshold = 3,
            HttpHealthCheck = new Compute.HealthCheckHttpHealthCheckArgs { Port = spec.HttpPort, RequestPath = spec.HealthPath },
        }, options);

        var userData = resolver.ResolveEnv(spec.Env)
            .Apply(values => EdgeCloudInit.Render(spec, model.Project, model.Registry.Host, values));

        var template = new Gcp.Compute.InstanceTemplate(spec.TemplateName, new Gcp.Compute.InstanceTemplateArgs
        {
            NamePrefix = spec.GroupName + "-",
            MachineType = spec.MachineType,
            Tags = { spec.NetworkTag },
            Disks =
            {
                new Compute.InstanceTemplateDiskArgs { SourceImage = spec.SourceImage, Boot = true, AutoDelete = true, DiskSizeGb = spec.DiskSizeGb },
            },
            NetworkInterfaces =
            {
                new Compute.InstanceTemplateNetworkInterfaceArgs
                {
                    Network = network.Network.Id,
                    Subnetwork = network.Subnetwork.Id,
                    AccessConfigs = { new Compute.InstanceTemplateNetworkInterfaceAccessConfigArgs { NetworkTier = "PREMIUM" } },
                },
            },
            ServiceAccount = new Compute.InstanceTemplateServiceAccountArgs
            {
                Email = identity.Email(spec.ServiceAccount),
                Scopes = { "cloud-platform" },
            },
            Metadata = { { "user-data", userData } },
        }, new CustomResourceOptions
        {
            Parent = this,
            DependsOn = secrets.Ready.Concat(registry.Grants).Concat(upstream).ToArray(),
        });

        Group = new Gcp.Compute.RegionInstanceGroupManager(spec.GroupName, new Gcp.Compute.RegionInstanceGroupManagerArgs
        {
            Name = spec.GroupName,
            Region = model.Region,
            BaseInstanceName = spec.GroupName,
            TargetSize = spec.InstanceCount,
            Versions = { new Compute.RegionInstanceGroupManagerVersionArgs { Name = "primary", InstanceTemplate = template.SelfLink } },
            NamedPorts = { new Compute.RegionInstanceGroupManagerNamedPortArgs { Name = spec.NamedPort, Port = spec.HttpPort } },
            AutoHealingPolicies = new Compute.RegionInstanceGroupManagerAutoHealingPoliciesArgs { HealthCheck = HealthCheck.Id, InitialDelaySec = 180 },
            StatefulExternalIps = { new Compute.RegionInstanceGroupManagerStatefulExternalIpArgs { InterfaceName = NetworkInterface, DeleteRule = "NEVER" } },
            // Live calls run on these VMs: a new template applies when an instance is recreated, never all at once.
            UpdatePolicy = new Compute.RegionInstanceGroupManagerUpdatePolicyArgs
            {
                Type = "OPPORTUNISTIC",
                MinimalAction = "REPLACE",
                ReplacementMethod = "RECREATE",
                InstanceRedistributionType = "NONE",
                MaxSurgeFixed = 0,
                MaxUnavailableFixed = 3,
            },
        }, options);

        for (var i = 0; i < spec.InstanceNames.Count; i++)
        {
            _ = new Gcp.Compute.RegionPerInstanceConfig(spec.InstanceNames[i], new Gcp.Compute.RegionPerInstanceConfigArgs
            {
                Name = spec.InstanceNames[i],
                Region = model.Region,
                RegionInstanceGroupManager = Group.Name,
                PreservedState = new Compute.RegionPerInstanceConfigPreservedStateArgs
                {
                    ExternalIps =
                    {
                        new Compute.RegionPerInstanceConfigPreservedStateExternalIpArgs
                        {
                            InterfaceName = NetworkInterface,
                            AutoDelete = "NEVER",
                            IpAddress = new Compute.RegionPerInstanceConfigPreservedStateExternalIpIpAddressArgs { Address = addresses.SelfLinks[i] },
                        },
                    },
                },
            }, options);
        }

        foreach (var rule in model.Firewalls)
        {
            var args = new Gcp.Compute.FirewallArgs
            {
                Name = rule.Name,
                Network = network.Network.Id,
                Direction = "INGRESS",
                TargetTags = { rule.TargetTag },
            };
            foreach (var range in rule.SourceRanges)
            {
                args.SourceRanges.Add(range);
            }

            foreach (var allow in rule.Allows)
            {
                var allowArgs = new Compute.FirewallAllowArgs { Protocol = allow.Protocol };
                foreach (var port in allow.Ports)
                {
                    allowArgs.Ports.Add(port);
                }

                args.Allows.Add(allowArgs);
            }

            _ = new Gcp.Compute.Firewall(rule.Name, args, options);
        }

        RegisterOutputs();
    }

    public Gcp.Compute.HealthCheck HealthCheck { get; }

    public Gcp.Compute.RegionInstanceGroupManager Group { get; }
}

using Pulumi;
using Gcp = Pulumi.Gcp;
using Compute = Pulumi.Gcp.Compute.Inputs;
using Model = VoiceConnector.Infra.Model;

namespace VoiceConnector.Deploy.Components;

/// <summary>The external HTTPS load balancer for Media Streams WebSockets: managed certificate, edge backend.</summary>
internal sealed class LoadBalancerComponent : ComponentResource
{
    public LoadBalancerComponent(Model.Deployment model, EdgeComponent edge, OutputResolver resolver)
        : base("voice-connector:infra:LoadBalancer", "load-balancer")
    {
        var spec = model.LoadBalancer;
        var options = new CustomResourceOptions { Parent = this };
        var address = new Gcp.Compute.GlobalAddress(spec.AddressName, new Gcp.Compute.GlobalAddressArgs { Name = spec.AddressName }, options);
        resolver.Register(new Model.OutputRef(Model.ResourceKinds.GlobalAddress, spec.AddressName, Model.OutputRef.AddressProperty), address.Address);

        var certificate = new Gcp.Compute.ManagedSslCertificate(spec.CertificateName, new Gcp.Compute.ManagedSslCertificateArgs
        {
            Name = spec.CertificateName,
            Managed = new Compute.ManagedSslCertificateManagedArgs { Domains = { spec.Domain } },
        }, options);

        var backend = new Gcp.Compute.BackendService(spec.BackendName, new Gcp.Compute.BackendServiceArgs
        {
            Name = spec.BackendName,
            Protocol = "HTTP",
            PortName = model.Edge.NamedPort,
            LoadBalancingScheme = "EXTERNAL_MANAGED",
            TimeoutSec = spec.BackendTimeoutSeconds,
            SessionAffinity = spec.SessionAffinity,
            HealthChecks = edge.HealthCheck.Id,
            Backends = { new Compute.BackendServiceBackendArgs { Group = edge.Group.InstanceGroup, BalancingMode = "UTILIZATION", CapacityScaler = 1.0 } },
        }, options);

        var urlMap = new Gcp.Compute.URLMap(spec.UrlMapName, new Gcp.Compute.URLMapArgs
        {
            Name = spec.UrlMapName,
            DefaultService = backend.Id,
        }, options);

        var proxy = new Gcp.Compute.TargetHttpsProxy(spec.ProxyName, new Gcp.Compute.TargetHttpsProxyArgs
        {
            Name = spec.ProxyName,
            UrlMap = urlMap.Id,
            SslCertificates = { certificate.Id },
        }, options);

        _ = new Gcp.Compute.GlobalForwardingRule(spec.ForwardingRuleName, new Gcp.Compute.GlobalForwardingRuleArgs
        {
            Name = spec.ForwardingRuleName,
            Target = proxy.Id,
            IpAddress = address.Address,
            IpProtocol = "TCP",
            PortRange = "443",
            LoadBalancingScheme = "EXTERNAL_MANAGED",
        }, options);

        RegisterOutputs();
    }
}

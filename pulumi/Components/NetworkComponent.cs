using Pulumi;
using Gcp = Pulumi.Gcp;
using Model = VoiceConnector.Infra.Model;

namespace VoiceConnector.Deploy.Components;

/// <summary>The VPC, its subnet, and private service access (the peering Cloud SQL's private IP lives behind).</summary>
internal sealed class NetworkComponent : ComponentResource
{
    public NetworkComponent(Model.Deployment model)
        : base("voice-connector:infra:Network", "network")
    {
        var spec = model.Network;
        var options = new CustomResourceOptions { Parent = this };
        Network = new Gcp.Compute.Network(spec.Name, new Gcp.Compute.NetworkArgs
        {
            Name = spec.Name,
            AutoCreateSubnetworks = false,
        }, options);

        Subnetwork = new Gcp.Compute.Subnetwork(spec.SubnetName, new Gcp.Compute.SubnetworkArgs
        {
            Name = spec.SubnetName,
            Region = model.Region,
            Network = Network.Id,
            IpCidrRange = spec.SubnetCidr,
            PrivateIpGoogleAccess = true,
        }, options);

        var range = new Gcp.Compute.GlobalAddress(spec.PrivateServiceRangeName, new Gcp.Compute.GlobalAddressArgs
        {
            Name = spec.PrivateServiceRangeName,
            Purpose = "VPC_PEERING",
            AddressType = "INTERNAL",
            PrefixLength = spec.PrivateServiceRangePrefixLength,
            Network = Network.Id,
        }, options);

        PrivateServiceAccess = new Gcp.ServiceNetworking.Connection(spec.PrivateServiceConnectionName, new Gcp.ServiceNetworking.ConnectionArgs
        {
            Network = Network.Id,
            Service = "servicenetworking.googleapis.com",
            ReservedPeeringRanges = { range.Name },
        }, options);

        RegisterOutputs();
    }

    public Gcp.Compute.Network Network { get; }

    public Gcp.Compute.Subnetwork Subnetwork { get; }

    public Gcp.ServiceNetworking.Connection PrivateServiceAccess { get; }
}

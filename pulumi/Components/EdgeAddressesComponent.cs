using Pulumi;
using Gcp = Pulumi.Gcp;
using Model = VoiceConnector.Infra.Model;

namespace VoiceConnector.Deploy.Components;

/// <summary>One static external IP per edge VM: SIP trunks and SDP point at these, so they survive VM recreation.</summary>
internal sealed class EdgeAddressesComponent : ComponentResource
{
    public EdgeAddressesComponent(Model.Deployment model, OutputResolver resolver)
        : base("voice-connector:infra:EdgeAddresses", "edge-addresses")
    {
        foreach (var name in model.Edge.AddressNames)
        {
            var address = new Gcp.Compute.Address(name, new Gcp.Compute.AddressArgs
            {
                Name = name,
                Region = model.Region,
                AddressType = "EXTERNAL",
                NetworkTier = "PREMIUM",
            }, new CustomResourceOptions { Parent = this });
            SelfLinks.Add(address.SelfLink);
            resolver.Register(Model.OutputRef.StaticAddress(name), address.IPAddress);
        }

        RegisterOutputs();
    }

    public List<Output<string>> SelfLinks { get; } = [];
}

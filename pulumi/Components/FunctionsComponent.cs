using Pulumi;
using VoiceConnector.Infra.Building;
using Model = VoiceConnector.Infra.Model;

namespace VoiceConnector.Deploy.Components;

/// <summary>The functions app on Cloud Run (scales to zero), public for Twilio's webhooks, with VPC egress to Cloud SQL.</summary>
internal sealed class FunctionsComponent : ComponentResource
{
    public FunctionsComponent(Model.Deployment model, IdentityComponent identity, SecretsComponent secrets, NetworkComponent network, OutputResolver resolver)
        : base("voice-connector:infra:Functions", "functions")
    {
        var service = CloudRunServiceFactory.Create(model.Service(DeploymentNames.Functions), model, identity, secrets, network, resolver, this);
        CloudRunServiceFactory.GrantInvokers(model, service, DeploymentNames.Functions, identity, this);
        RegisterOutputs();
    }
}

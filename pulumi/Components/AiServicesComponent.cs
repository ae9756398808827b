using Pulumi;
using VoiceConnector.Infra.Building;
using Model = VoiceConnector.Infra.Model;

namespace VoiceConnector.Deploy.Components;

/// <summary>Whisper, Ollama and Piper on Cloud Run, invocable by the edge's account only.</summary>
internal sealed class AiServicesComponent : ComponentResource
{
    public AiServicesComponent(Model.Deployment model, IdentityComponent identity, SecretsComponent secrets, NetworkComponent network, OutputResolver resolver)
        : base("voice-connector:infra:AiServices", "ai-services")
    {
        foreach (var name in new[] { DeploymentNames.Whisper, DeploymentNames.Ollama, DeploymentNames.Piper })
        {
            var service = CloudRunServiceFactory.Create(model.Service(name), model, identity, secrets, network, resolver, this);
            CloudRunServiceFactory.GrantInvokers(model, service, name, identity, this);
        }

        RegisterOutputs();
    }
}

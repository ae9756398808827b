using Pulumi;
using VoiceConnector.Deploy;

return await Deployment.RunAsync(() => new VoiceConnectorStack().Outputs);

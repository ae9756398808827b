using VoiceConnector.Infra.Configuration;
using VoiceConnector.Infra.Model;

namespace VoiceConnector.Infra.Tests.Model;

public sealed class OutputsTests
{
    [Fact]
    public void Outputs_CoverWhatDevOpsNeed()
    {
        var names = TestStacks.Deployment().Outputs.Select(o => o.Name).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["edgeIps", "functionsUrl", "imageRepository", "loadBalancerIp", "mediaStreamUrl", "ollamaUrl", "piperUrl", "sipOriginationUris", "twilioVoiceWebhookUrl", "whisperUrl"],
            names);
    }

    [Fact]
    public void EdgeOutputs_OnePerInstance_WithSipUriOnTheConfiguredPort()
    {
        var deployment = TestStacks.Deployment(c =>
        {
            c[StackConfigKeys.EdgeInstances] = "3";
            c[StackConfigKeys.SipPort] = "5070";
        });
        var sip = deployment.Outputs.Single(o => o.Name == "sipOriginationUris");

        Assert.True(sip.IsList);
        Assert.Equal(["edge-ip-0", "edge-ip-1", "edge-ip-2"], sip.Sources.Select(s => s.Name));
        Assert.Equal("sip:{0}:5070", sip.Format);
        Assert.Equal(3, deployment.Edge.InstanceNames.Count);
    }

    [Fact]
    public void Outputs_WebhookAndMediaStreamUrls()
    {
        var outputs = TestStacks.Deployment().Outputs.ToDictionary(o => o.Name);

        Assert.Equal("{0}/twilio/voice", outputs["twilioVoiceWebhookUrl"].Format);
        Assert.Equal(OutputRef.ServiceUri("functions"), Assert.Single(outputs["twilioVoiceWebhookUrl"].Sources));
        Assert.Equal("wss://media.example.com/twilio/media", outputs["mediaStreamUrl"].Format);
        Assert.Empty(outputs["mediaStreamUrl"].Sources);
        Assert.Equal("europe-west1-docker.pkg.dev/voice-test-project/voice-connector", outputs["imageRepository"].Format);
    }
}

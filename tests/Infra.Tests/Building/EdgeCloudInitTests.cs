using VoiceConnector.Infra.Building;
using VoiceConnector.Infra.Model;

namespace VoiceConnector.Infra.Tests.Building;

public sealed class EdgeCloudInitTests
{
    private static readonly Deployment Deployment = TestStacks.Deployment();

    private static Dictionary<string, string> Resolved() =>
        Deployment.Edge.Env.Where(e => e.Value is OutputEnvValue).ToDictionary(e => e.Name, e => $"https://{e.Name.ToLowerInvariant()}.run.app");

    [Fact]
    public void Render_WritesLiteralsAndOutputs_FetchesExactlyTheEdgeSecrets()
    {
        var text = EdgeCloudInit.Render(Deployment.Edge, Deployment.Project, Deployment.Registry.Host, Resolved());

        Assert.StartsWith("#cloud-config\n", text, StringComparison.Ordinal);
        Assert.Contains("    Rtp__PortMin=20000\n", text, StringComparison.Ordinal);
        Assert.Contains("    Rtp__PortMax=29999\n", text, StringComparison.Ordinal);
        Assert.Contains("    Ai__Ollama__Url=https://ai__ollama__url.run.app\n", text, StringComparison.Ordinal);
        Assert.Contains("echo \"Twilio__AuthToken=$(secret twilio-auth-token)\"", text, StringComparison.Ordinal);
        Assert.Contains("echo \"Functions__EdgeKey=$(secret edge-functions-key)\"", text, StringComparison.Ordinal);
        Assert.Contains("echo \"Sip__AdvertisedAddress=$ip\"", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Split("$(secret ").Length - 1);
        Assert.Contains("projects/voice-test-project/secrets/$1/versions/latest:access", text, StringComparison.Ordinal);
        Assert.Contains("--network host", text, StringComparison.Ordinal);
        Assert.Contains("--ulimit rtprio=10:10 --ulimit nice=30:30", text, StringComparison.Ordinal);
        Assert.Contains(Deployment.Edge.Image, text, StringComparison.Ordinal);
        Assert.Contains("configure-docker --registries europe-west1-docker.pkg.dev", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_SecretValuesNeverWrittenIntoUserData()
    {
        var text = EdgeCloudInit.Render(Deployment.Edge, Deployment.Project, Deployment.Registry.Host, Resolved());

        Assert.DoesNotContain("Twilio__AuthToken=s", text, StringComparison.Ordinal);
        Assert.Contains("permissions: '0600'", text, StringComparison.Ordinal);
        Assert.Contains("umask 077", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MissingResolvedOutput_Throws()
    {
        var resolved = Resolved();
        resolved.Remove("Functions__BaseUrl");

        var error = Assert.Throws<ArgumentException>(() => EdgeCloudInit.Render(Deployment.Edge, Deployment.Project, Deployment.Registry.Host, resolved));
        Assert.Contains("Functions__BaseUrl", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_MultiLineValue_Rejected()
    {
        var resolved = Resolved();
        resolved["Functions__BaseUrl"] = "https://a\nInjected=1";

        Assert.Throws<ArgumentException>(() => EdgeCloudInit.Render(Deployment.Edge, Deployment.Project, Deployment.Registry.Host, resolved));
    }
}

using VoiceConnector.Infra.Building;
using VoiceConnector.Infra.Configuration;
using VoiceConnector.Infra.Model;

namespace VoiceConnector.Infra.Tests.Model;

public sealed class CloudRunServiceTests
{
    private static readonly Deployment Deployment = TestStacks.Deployment();

    [Fact]
    public void Services_AreTheFourExpected()
    {
        Assert.Equal(
            [DeploymentNames.Functions, DeploymentNames.Ollama, DeploymentNames.Piper, DeploymentNames.Whisper],
            Deployment.Services.Select(s => s.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryService_HasSizeScalingTimeoutProbesAndOwnAccount()
    {
        Assert.All(Deployment.Services, s =>
        {
            Assert.False(string.IsNullOrEmpty(s.Cpu));
            Assert.EndsWith("i", s.Memory, StringComparison.Ordinal);
            Assert.InRange(s.Concurrency, 1, 1000);
            Assert.InRange(s.MinInstances, 0, s.MaxInstances);
            Assert.True(s.MaxInstances >= 1);
            Assert.InRange(s.RequestTimeoutSeconds, 1, 3600);
            Assert.Equal(s.ContainerPort, s.StartupProbe.Port);
            Assert.Equal(s.ContainerPort, s.LivenessProbe.Port);
            Assert.NotNull(s.StartupProbe.HttpPath);
            Assert.Equal(1, Deployment.Services.Count(o => o.ServiceAccount == s.ServiceAccount));
        });
    }

    [Fact]
    public void Ollama_HasOneL4GpuWithCpuAlwaysAllocated()
    {
        var ollama = Deployment.Service(DeploymentNames.Ollama);

        Assert.Equal(1, ollama.Gpus);
        Assert.Equal("nvidia-l4", ollama.GpuAccelerator);
        Assert.False(ollama.CpuIdle);
        Assert.EndsWith("/ollama:latest", ollama.Image, StringComparison.Ordinal);
        Assert.Contains(ollama.Env, e => e.Name == "OLLAMA_KEEP_ALIVE");
    }

    [Fact]
    public void Whisper_WithoutGpu_RunsOnCpuAndMayIdle()
    {
        var whisper = TestStacks.Deployment(c => c[StackConfigKeys.WhisperGpu] = "false").Service(DeploymentNames.Whisper);

        Assert.Equal(0, whisper.Gpus);
        Assert.Null(whisper.GpuAccelerator);
        Assert.True(whisper.CpuIdle);
        Assert.Contains(EnvVar.Literal("WHISPER__INFERENCE_DEVICE", "cpu"), whisper.Env);
    }

    [Fact]
    public void Functions_ScalesToZero_WithVpcEgressAndAgreedSettings()
    {
        var functions = Deployment.Service(DeploymentNames.Functions);
        var names = functions.Env.Select(e => e.Name).ToHashSet();

        Assert.Equal(0, functions.MinInstances);
        Assert.Equal(0, functions.Gpus);
        Assert.True(functions.VpcEgress);
        Assert.DoesNotContain("PORT", names);
        Assert.Superset(
            new HashSet<string> { "Storage__Provider", "Storage__ConnectionString", "Twilio__AccountSid", "Twilio__AuthToken", "Functions__PublicBaseUrl", "Edge__MediaStreamUrl", "Edge__SipUri", "Edge__Key", "ApiKeys__Pepper" },
            names);
        Assert.Contains(EnvVar.Literal("Edge__MediaStreamUrl", "wss://media.example.com/twilio/media"), functions.Env);
        Assert.Contains(EnvVar.Output("Edge__SipUri", OutputRef.StaticAddress("edge-ip-0"), "sip:{0}:5060"), functions.Env);
    }

    [Fact]
    public void OnlyFunctions_ReachTheVpc()
    {
        Assert.Equal([DeploymentNames.Functions], Deployment.Services.Where(s => s.VpcEgress).Select(s => s.Name));
        Assert.False(Deployment.Database.PublicIp);
    }

    [Fact]
    public void Edge_AiUrlsComeFromTheServices()
    {
        foreach (var (variable, service) in new[]
        {
            ("Ai__Whisper__Url", "whisper"), ("Ai__Whisper__IdTokenAudience", "whisper"),
            ("Ai__Ollama__Url", "ollama"), ("Ai__Ollama__IdTokenAudience", "ollama"),
            ("Ai__Piper__Url", "piper"), ("Ai__Piper__IdTokenAudience", "piper"),
            ("Functions__BaseUrl", "functions"),
        })
        {
            Assert.Contains(EnvVar.Output(variable, OutputRef.ServiceUri(service)), Deployment.Edge.Env);
        }
    }
}

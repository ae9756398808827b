using System.Globalization;
using VoiceConnector.Infra.Configuration;
using VoiceConnector.Infra.Model;

namespace VoiceConnector.Infra.Building;

/// <summary>The four Cloud Run services: Whisper (STT), Ollama (LLM), Piper (TTS) and the functions app.</summary>
public static class CloudRunServices
{
    public static CloudRunServiceSpec Whisper(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        const int port = 8000;
        return new CloudRunServiceSpec
        {
            Name = DeploymentNames.Whisper,
            Image = settings.WhisperImage,
            ContainerPort = port,
            Cpu = "4",
            Memory = settings.WhisperGpu ? "16Gi" : "8Gi",
            Gpus = settings.WhisperGpu ? 1 : 0,
            GpuAccelerator = settings.WhisperGpu ? CloudRunGpuRegions.L4Accelerator : null,
            Concurrency = 4,
            MinInstances = 0,
            MaxInstances = settings.WhisperMaxInstances,
            RequestTimeoutSeconds = 60,
            CpuIdle = !settings.WhisperGpu,
            // The model is downloaded at first start: allow up to 10 minutes.
            StartupProbe = new ProbeSpec("/health", port, 0, 10, 5, 60),
            LivenessProbe = new ProbeSpec("/health", port, 0, 30, 5, 3),
            Env =
            [
                EnvVar.Literal("WHISPER__MODEL", settings.WhisperModel),
                EnvVar.Literal("WHISPER__INFERENCE_DEVICE", settings.WhisperGpu ? "cuda" : "cpu"),
            ],
            ServiceAccount = DeploymentNames.WhisperAccount,
        };
    }

    public static CloudRunServiceSpec Ollama(StackSettings settings, ArtifactRegistrySpec registry)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(registry);
        const int port = 11434;
        const int parallel = 4;
        return new CloudRunServiceSpec
        {
            Name = DeploymentNames.Ollama,
            // Built by docker/ollama.Dockerfile with the model baked in (no download at start).
            Image = registry.ImageName("ollama", settings.ImageTag),
            ContainerPort = port,
            Cpu = "8",
            Memory = "32Gi",
            Gpus = 1,
            GpuAccelerator = CloudRunGpuRegions.L4Accelerator,
            Concurrency = parallel,
            MinInstances = settings.OllamaMinInstances,
            MaxInstances = settings.OllamaMaxInstances,
            RequestTimeoutSeconds = 300,
            CpuIdle = false,
            StartupProbe = new ProbeSpec("/", port, 0, 5, 5, 60),
            LivenessProbe = new ProbeSpec("/", port, 0, 30, 5, 3),
            Env =
            [
                EnvVar.Literal("OLLAMA_HOST", "0.0.0.0:" + port.ToString(CultureInfo.InvariantCulture)),
                EnvVar.Literal("OLLAMA_MODELS", "/models"),
                EnvVar.Literal("OLLAMA_KEEP_ALIVE", "-1"),
                EnvVar.Literal("OLLAMA_NUM_PARALLEL", parallel.ToString(CultureInfo.InvariantCulture)),
            ],
            ServiceAccount = DeploymentNames.OllamaAccount,
        };
    }

    public static CloudRunServiceSpec Piper(StackSettings settings, ArtifactRegistrySpec registry)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(registry);
        const int port = 5000;
        return new CloudRunServiceSpec
        {
            Name = DeploymentNames.Piper,
            // Built by docker/piper.Dockerfile with the voice baked in.
            Image = registry.ImageName("piper", settings.ImageTag),
            ContainerPort = port,
            Cpu = "2",
            Memory = "2Gi",
            Concurrency = 4,
            MinInstances = 0,
            MaxInstances = settings.PiperMaxInstances,
            RequestTimeoutSeconds = 60,
            CpuIdle = true,
            StartupProbe = new ProbeSpec("/voices", port, 0, 5, 3, 24),
            LivenessProbe = new ProbeSpec("/voices", port, 0, 30, 3, 3),
            Env = [EnvVar.Literal("PIPER_VOICE", settings.PiperVoice)],
            ServiceAccount = DeploymentNames.PiperAccount,
        };
    }

    public static CloudRunServiceSpec Functions(StackSettings settings, ArtifactRegistrySpec registry, string firstEdgeAddress)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(registry);
        const int port = 8080;
        var sipPort = settings.SipPort.ToString(CultureInfo.InvariantCulture);
        return new CloudRunServiceSpec
        {
            Name = DeploymentNames.Functions,
            Image = registry.ImageName("functions", settings.ImageTag),
            ContainerPort = port,
            Cpu = "1",
            Memory = "512Mi",
            Concurrency = 80,
            MinInstances = 0,
            MaxInstances = settings.FunctionsMaxInstances,
            RequestTimeoutSeconds = 30,
            CpuIdle = true,
            StartupProbe = new ProbeSpec("/health", port, 0, 2, 2, 15),
            LivenessProbe = new ProbeSpec("/health", port, 0, 30, 3, 3),
            Env =
            [
                EnvVar.Literal("Storage__Provider", "postgres"),
                EnvVar.Secret("Storage__ConnectionString", DeploymentNames.StorageConnectionStringSecret),
                EnvVar.Secret("Twilio__AccountSid", DeploymentNames.TwilioAccountSidSecret),
                EnvVar.Secret("Twilio__AuthToken", DeploymentNames.TwilioAuthTokenSecret),
                // Cloud Run's deterministic URL: https://<service>-<project number>.<region>.run.app
                EnvVar.Output("Functions__PublicBaseUrl", OutputRef.ProjectNumber, $"https://{DeploymentNames.Functions}-{{0}}.{settings.Region}.run.app"),
                EnvVar.Literal("Edge__MediaStreamUrl", $"wss://{settings.Domain}{DeploymentNames.MediaStreamPath}"),
                EnvVar.Output("Edge__SipUri", OutputRef.StaticAddress(firstEdgeAddress), $"sip:{{0}}:{sipPort}"),
                EnvVar.Secret("Edge__Key", DeploymentNames.EdgeFunctionsKeySecret),
                EnvVar.Secret("ApiKeys__Pepper", DeploymentNames.ApiKeysPepperSecret),
            ],
            ServiceAccount = DeploymentNames.FunctionsAccount,
            VpcEgress = true,
        };
    }
}

using System.Globalization;
using VoiceConnector.Infra.Configuration;
using VoiceConnector.Infra.Model;
using VoiceConnector.Infra.Validation;

namespace VoiceConnector.Infra.Building;

/// <summary>Builds the <see cref="Deployment"/> of a stack and rejects configurations that cannot work.</summary>
public static class DeploymentBuilder
{
    public static Deployment Build(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var settingErrors = StackSettingsValidator.Validate(settings);
        if (settingErrors.Count > 0)
        {
            throw new StackConfigurationException(settingErrors);
        }

        var deployment = Assemble(settings);
        var modelErrors = DeploymentValidator.Validate(deployment);
        if (modelErrors.Count > 0)
        {
            throw new StackConfigurationException(modelErrors);
        }

        return deployment;
    }

    /// <summary>Puts the parts together without validating (tests use it to build deliberately broken models).</summary>
    public static Deployment Assemble(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        const string repository = "voice-connector";
        var registry = new ArtifactRegistrySpec(repository, settings.Region, $"{settings.Region}-docker.pkg.dev", $"{settings.Project}/{repository}");
        var edge = EdgeDeployment.Edge(settings, registry);
        var firstEdgeAddress = edge.AddressNames.Count > 0 ? edge.AddressNames[0] : "edge-ip-0";
        IReadOnlyList<CloudRunServiceSpec> services =
        [
            CloudRunServices.Whisper(settings),
            CloudRunServices.Ollama(settings, registry),
            CloudRunServices.Piper(settings, registry),
            CloudRunServices.Functions(settings, registry, firstEdgeAddress),
        ];

        return new Deployment
        {
            Project = settings.Project,
            Region = settings.Region,
            Registry = registry,
            Network = new NetworkSpec("vc-network", "vc-subnet", "10.10.0.0/24", "vc-private-services", 16, "vc-private-services-connection"),
            ServiceAccounts =
            [
                new(DeploymentNames.EdgeAccount, "Voice Connector edge VMs"),
                new(DeploymentNames.FunctionsAccount, "Voice Connector functions"),
                new(DeploymentNames.WhisperAccount, "Voice Connector Whisper (STT)"),
                new(DeploymentNames.OllamaAccount, "Voice Connector Ollama (LLM)"),
                new(DeploymentNames.PiperAccount, "Voice Connector Piper (TTS)"),
            ],
            Secrets =
            [
                new(DeploymentNames.TwilioAccountSidSecret, StackConfigKeys.TwilioAccountSid),
                new(DeploymentNames.TwilioAuthTokenSecret, StackConfigKeys.TwilioAuthToken),
                new(DeploymentNames.EdgeFunctionsKeySecret, StackConfigKeys.EdgeFunctionsKey),
                new(DeploymentNames.ApiKeysPepperSecret, StackConfigKeys.ApiKeysPepper),
                new(DeploymentNames.DatabasePasswordSecret, StackConfigKeys.DatabasePassword),
                new(DeploymentNames.StorageConnectionStringSecret, null, DatabaseConnectionString: true),
            ],
            SecretAccess = SecretGrants(services, edge),
            ProjectRoles = [new(DeploymentNames.FunctionsAccount, "roles/cloudsql.client")],
            RegistryReaders = [new(DeploymentNames.EdgeAccount)],
            Database = new DatabaseSpec
            {
                InstanceName = "vc-postgres",
                Version = "POSTGRES_16",
                Tier = settings.DatabaseTier,
                DatabaseName = "voiceconnector",
                UserName = "functions",
                PasswordConfigKey = StackConfigKeys.DatabasePassword,
                PublicIp = false,
                DeletionProtection = true,
                Backups = true,
            },
            Services = services,
            Invokers =
            [
                new(DeploymentNames.Whisper, DeploymentNames.EdgeAccount),
                new(DeploymentNames.Ollama, DeploymentNames.EdgeAccount),
                new(DeploymentNames.Piper, DeploymentNames.EdgeAccount),
                // Twilio calls the webhooks without Google credentials; the functions check Twilio's signature.
                new(DeploymentNames.Functions, null),
            ],
            Edge = edge,
            Firewalls = EdgeDeployment.Firewalls(settings),
            LoadBalancer = EdgeDeployment.LoadBalancer(settings),
            Outputs = Outputs(settings, edge, registry),
        };
    }

    /// <summary>Each workload's account may read exactly the secrets its environment refers to.</summary>
    private static List<SecretAccessGrant> SecretGrants(IEnumerable<CloudRunServiceSpec> services, EdgeSpec edge) =>
        services.Select(s => (s.ServiceAccount, s.Env))
            .Append((edge.ServiceAccount, edge.Env))
            .SelectMany(w => w.Env.Select(e => e.Value).OfType<SecretEnvValue>().Select(v => new SecretAccessGrant(v.SecretId, w.ServiceAccount)))
            .Distinct()
            .ToList();

    private static List<OutputSpec> Outputs(StackSettings settings, EdgeSpec edge, ArtifactRegistrySpec registry)
    {
        var addresses = edge.AddressNames.Select(OutputRef.StaticAddress).ToList();
        var sipPort = settings.SipPort.ToString(CultureInfo.InvariantCulture);
        var functions = OutputRef.ServiceUri(DeploymentNames.Functions);
        return
        [
            new("edgeIps", addresses, "{0}", true, "Static external IPs of the edge VMs (SIP and RTP)."),
            new("sipOriginationUris", addresses, $"sip:{{0}}:{sipPort}", true, "Origination URIs for the Twilio Elastic SIP trunk (one per edge VM)."),
            new("functionsUrl", [functions], "{0}", false, "Base URL of the functions app."),
            new("twilioVoiceWebhookUrl", [functions], "{0}" + DeploymentNames.VoiceWebhookPath, false, "Twilio number VoiceUrl (set by POST /v1/numbers)."),
            new("loadBalancerIp", [new OutputRef(ResourceKinds.GlobalAddress, "media-lb-ip", OutputRef.AddressProperty)], "{0}", false, $"Point the DNS A record of {settings.Domain} here."),
            new("mediaStreamUrl", [], $"wss://{settings.Domain}{DeploymentNames.MediaStreamPath}", false, "Twilio Media Streams WebSocket URL."),
            new("whisperUrl", [OutputRef.ServiceUri(DeploymentNames.Whisper)], "{0}", false, "Whisper (STT) service URL."),
            new("ollamaUrl", [OutputRef.ServiceUri(DeploymentNames.Ollama)], "{0}", false, "Ollama (LLM) service URL."),
            new("piperUrl", [OutputRef.ServiceUri(DeploymentNames.Piper)], "{0}", false, "Piper (TTS) service URL."),
            new("imageRepository", [], $"{registry.Host}/{registry.Path}", false, "Docker repository for the images."),
        ];
    }
}

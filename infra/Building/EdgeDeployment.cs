using System.Globalization;
using VoiceConnector.Infra.Configuration;
using VoiceConnector.Infra.Model;

namespace VoiceConnector.Infra.Building;

/// <summary>The edge group and the firewall rules that open exactly its ports; both read the same settings.</summary>
public static class EdgeDeployment
{
    public static EdgeSpec Edge(StackSettings settings, ArtifactRegistrySpec registry)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(registry);
        var count = Math.Max(settings.EdgeInstances, 0);
        var instanceIp = new InstanceExternalIpEnvValue();
        var env = new List<EnvVar>
        {
            EnvVar.Literal("ASPNETCORE_URLS", "http://0.0.0.0:" + Text(settings.EdgeHttpPort)),
            EnvVar.Literal("Sip__ListenAddress", "0.0.0.0"),
            EnvVar.Literal("Sip__Port", Text(settings.SipPort)),
            new("Sip__AdvertisedAddress", instanceIp),
        };
        for (var i = 0; i < settings.SipTrunkSourceRanges.Count; i++)
        {
            env.Add(EnvVar.Literal("Sip__AllowedNetworks__" + Text(i), settings.SipTrunkSourceRanges[i]));
        }

        env.AddRange(
        [
            EnvVar.Literal("Rtp__BindAddress", "0.0.0.0"),
            new("Rtp__AdvertisedAddress", instanceIp),
            EnvVar.Literal("Rtp__PortMin", Text(settings.RtpPortMin)),
            EnvVar.Literal("Rtp__PortMax", Text(settings.RtpPortMax)),
            EnvVar.Output("Functions__BaseUrl", OutputRef.ServiceUri(DeploymentNames.Functions)),
            EnvVar.Secret("Functions__EdgeKey", DeploymentNames.EdgeFunctionsKeySecret),
            EnvVar.Secret("Twilio__AuthToken", DeploymentNames.TwilioAuthTokenSecret),
            EnvVar.Literal("Twilio__MediaStreamUrl", $"wss://{settings.Domain}{DeploymentNames.MediaStreamPath}"),
            EnvVar.Literal("Twilio__ValidateSignature", "true"),
            EnvVar.Literal("Ai__Whisper__Model", settings.WhisperModel),
            EnvVar.Literal("Ai__Ollama__Model", settings.OllamaModel),
            EnvVar.Literal("Ai__Piper__Voice", settings.PiperVoice),
        ]);

        // Each AI service is called with a Google ID token whose audience is the service's URL (Cloud Run IAM).
        foreach (var (section, service) in new[] { ("Whisper", DeploymentNames.Whisper), ("Ollama", DeploymentNames.Ollama), ("Piper", DeploymentNames.Piper) })
        {
            env.Add(EnvVar.Output($"Ai__{section}__Url", OutputRef.ServiceUri(service)));
            env.Add(EnvVar.Output($"Ai__{section}__IdTokenAudience", OutputRef.ServiceUri(service)));
        }

        return new EdgeSpec
        {
            GroupName = "edge",
            TemplateName = "edge-template",
            InstanceCount = count,
            MachineType = settings.EdgeMachineType,
            SourceImage = "cos-cloud/cos-stable",
            DiskSizeGb = 20,
            NetworkTag = DeploymentNames.EdgeNetworkTag,
            ServiceAccount = DeploymentNames.EdgeAccount,
            Image = registry.ImageName("edge", settings.ImageTag),
            HttpPort = settings.EdgeHttpPort,
            SipPort = settings.SipPort,
            RtpPortMin = settings.RtpPortMin,
            RtpPortMax = settings.RtpPortMax,
            HealthPath = "/health",
            HealthCheckName = "edge-health",
            NamedPort = "http",
            InstanceNames = Enumerable.Range(0, count).Select(i => "edge-" + Text(i)).ToList(),
            AddressNames = Enumerable.Range(0, count).Select(i => "edge-ip-" + Text(i)).ToList(),
            Env = env,
        };
    }

    public static IReadOnlyList<FirewallRuleSpec> Firewalls(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sip = Text(settings.SipPort);
        return
        [
            new("edge-allow-sip", [new("udp", [sip]), new("tcp", [sip])], settings.SipTrunkSourceRanges, DeploymentNames.EdgeNetworkTag, false),
            new("edge-allow-rtp", [new("udp", [$"{Text(settings.RtpPortMin)}-{Text(settings.RtpPortMax)}"])], settings.RtpSourceRanges, DeploymentNames.EdgeNetworkTag, false),
            new("edge-allow-lb", [new("tcp", [Text(settings.EdgeHttpPort)])], DeploymentNames.GoogleLoadBalancerRanges, DeploymentNames.EdgeNetworkTag, true),
        ];
    }

    public static LoadBalancerSpec LoadBalancer(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new LoadBalancerSpec
        {
            Domain = settings.Domain,
            AddressName = "media-lb-ip",
            CertificateName = "media-lb-cert",
            BackendName = "media-lb-backend",
            // A Media Streams WebSocket lasts as long as the call: allow an hour.
            BackendTimeoutSeconds = 3600,
            SessionAffinity = "CLIENT_IP",
            UrlMapName = "media-lb-urlmap",
            ProxyName = "media-lb-proxy",
            ForwardingRuleName = "media-lb-https",
        };
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}

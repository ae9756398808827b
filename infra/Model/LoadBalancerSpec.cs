namespace VoiceConnector.Infra.Model;

/// <summary>
/// The external HTTPS load balancer in front of the edge's HTTP port, for Twilio Media Streams WebSockets:
/// a Google-managed certificate for <see cref="Domain"/>, a long backend timeout (a WebSocket lives as long as the
/// call) and client-IP session affinity.
/// </summary>
public sealed record LoadBalancerSpec
{
    public required string Domain { get; init; }
    public required string AddressName { get; init; }
    public required string CertificateName { get; init; }
    public required string BackendName { get; init; }
    public required int BackendTimeoutSeconds { get; init; }
    public required string SessionAffinity { get; init; }
    public required string UrlMapName { get; init; }
    public required string ProxyName { get; init; }
    public required string ForwardingRuleName { get; init; }
}

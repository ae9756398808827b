namespace VoiceConnector.Infra.Model;

/// <summary>
/// The edge: a regional managed instance group of Container-Optimized OS VMs running the edge image with host
/// networking, each VM holding its own static external IP through a per-instance config.
/// </summary>
public sealed record EdgeSpec
{
    public required string GroupName { get; init; }
    public required string TemplateName { get; init; }
    public required int InstanceCount { get; init; }
    public required string MachineType { get; init; }
    public required string SourceImage { get; init; }
    public required int DiskSizeGb { get; init; }
    public required string NetworkTag { get; init; }
    public required string ServiceAccount { get; init; }
    public required string Image { get; init; }
    public required int HttpPort { get; init; }
    public required int SipPort { get; init; }
    public required int RtpPortMin { get; init; }
    public required int RtpPortMax { get; init; }
    public required string HealthPath { get; init; }
    public required string HealthCheckName { get; init; }
    public required string NamedPort { get; init; }
    public required IReadOnlyList<string> InstanceNames { get; init; }
    public required IReadOnlyList<string> AddressNames { get; init; }
    public required IReadOnlyList<EnvVar> Env { get; init; }
}

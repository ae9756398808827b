namespace VoiceConnector.Infra.Model;

/// <summary>A Cloud Run (v2) service: one container, its size, scaling, probes and environment.</summary>
public sealed record CloudRunServiceSpec
{
    public required string Name { get; init; }
    public required string Image { get; init; }
    public required int ContainerPort { get; init; }
    public required string Cpu { get; init; }
    public required string Memory { get; init; }

    /// <summary>Number of GPUs (0 or 1) of type <see cref="GpuAccelerator"/>.</summary>
    public int Gpus { get; init; }
    public string? GpuAccelerator { get; init; }

    /// <summary>Concurrent requests per instance.</summary>
    public required int Concurrency { get; init; }
    public required int MinInstances { get; init; }
    public required int MaxInstances { get; init; }
    public required int RequestTimeoutSeconds { get; init; }

    /// <summary>CPU only while a request is served (false: always allocated, required with a GPU).</summary>
    public required bool CpuIdle { get; init; }
    public required ProbeSpec StartupProbe { get; init; }
    public required ProbeSpec LivenessProbe { get; init; }
    public required IReadOnlyList<EnvVar> Env { get; init; }
    public required string ServiceAccount { get; init; }

    /// <summary>Direct VPC egress into the deployment's subnet for private ranges (Cloud SQL private IP).</summary>
    public bool VpcEgress { get; init; }
}

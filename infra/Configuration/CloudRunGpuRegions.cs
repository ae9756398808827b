namespace VoiceConnector.Infra.Configuration;

/// <summary>
/// Regions where Cloud Run offers NVIDIA L4 GPUs (accelerator <c>nvidia-l4</c>), per Google's Cloud Run GPU
/// documentation (https://cloud.google.com/run/docs/configuring/services/gpu, "Supported regions") when this list was
/// written. Google adds regions over time: extend this list when the documentation does.
/// </summary>
public static class CloudRunGpuRegions
{
    public const string L4Accelerator = "nvidia-l4";

    public static IReadOnlySet<string> L4 { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "us-central1",
        "us-east4",
        "europe-west1",
        "europe-west4",
        "asia-southeast1",
        "asia-south1",
    };
}

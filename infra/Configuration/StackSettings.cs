namespace VoiceConnector.Infra.Configuration;

/// <summary>One stack's configuration, already parsed. Built by <see cref="StackSettingsLoader"/>.</summary>
public sealed record StackSettings
{
    public required string Project { get; init; }
    public required string Region { get; init; }

    /// <summary>The public host name of the Media Streams load balancer (managed certificate, <c>wss://</c> URL).</summary>
    public required string Domain { get; init; }

    public string ImageTag { get; init; } = "latest";

    public int EdgeInstances { get; init; } = 2;
    public string EdgeMachineType { get; init; } = "e2-standard-2";
    public int EdgeHttpPort { get; init; } = 8080;
    public int SipPort { get; init; } = 5060;
    public int RtpPortMin { get; init; } = 20000;
    public int RtpPortMax { get; init; } = 29999;
    public required IReadOnlyList<string> SipTrunkSourceRanges { get; init; }
    public IReadOnlyList<string> RtpSourceRanges { get; init; } = ["0.0.0.0/0"];

    public string WhisperImage { get; init; } = "docker.io/fedirz/faster-whisper-server:latest-cuda";
    public string WhisperModel { get; init; } = "Systran/faster-distil-whisper-small.en";
    public bool WhisperGpu { get; init; } = true;
    public int WhisperMaxInstances { get; init; } = 3;
    public string OllamaModel { get; init; } = "llama3.2";
    public int OllamaMinInstances { get; init; }
    public int OllamaMaxInstances { get; init; } = 2;
    public string PiperVoice { get; init; } = "en_US-lessac-medium";
    public int PiperMaxInstances { get; init; } = 5;
    public int FunctionsMaxInstances { get; init; } = 10;

    public string DatabaseTier { get; init; } = "db-custom-1-3840";

    /// <summary>The secret configuration keys that have a value (values themselves stay with Pulumi).</summary>
    public required IReadOnlySet<string> ProvidedSecrets { get; init; }
}

using System.ComponentModel.DataAnnotations;

namespace VoiceConnector.Edge.Calls.Records;

/// <summary>The on-disk outbox of call records (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Folder holding undelivered records, one JSON file each. Kept across restarts.</summary>
    [Required]
    public string Directory { get; set; } = ".data/outbox";

    /// <summary>Most records kept; when full, new records are refused with an error log (older ones are kept).</summary>
    [Range(1, 10_000_000)]
    public int MaxRecords { get; set; } = 100_000;

    /// <summary>First retry delay after a failed delivery; doubles up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    [Range(0.01, 600)]
    public double InitialRetryDelaySeconds { get; set; } = 1;

    [Range(0.01, 3600)]
    public double MaxRetryDelaySeconds { get; set; } = 60;

    /// <summary>How long shutdown waits for the outbox to deliver what it holds.</summary>
    [Range(0, 300)]
    public int ShutdownFlushSeconds { get; set; } = 5;
}

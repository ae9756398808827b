using System.ComponentModel.DataAnnotations;

namespace VoiceConnector.Edge.Calls;

/// <summary>Settings of <see cref="FileAgentResolver"/> (section <c>Agents</c>).</summary>
public sealed class FileAgentResolverOptions
{
    public const string SectionName = "Agents";

    /// <summary>Path of the JSON file mapping called numbers to agents (<c>Agents:File</c>).</summary>
    [Required]
    public string File { get; set; } = "";
}

using System.ComponentModel.DataAnnotations;

namespace VoiceConnector.Edge.Calls.Functions;

/// <summary>Where the functions app is and how the edge authenticates to it (section <c>Functions</c>).</summary>
public sealed class FunctionsOptions
{
    public const string SectionName = "Functions";

    /// <summary>Base URL of the functions app, e.g. http://127.0.0.1:8081. Unset: the edge runs without it.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The edge-functions shared secret, sent as <c>Authorization: Bearer</c>.</summary>
    public string? EdgeKey { get; set; }

    /// <summary>Timeout of one request to the functions app.</summary>
    [Range(1, 120)]
    public int TimeoutSeconds { get; set; } = 5;

    /// <summary>How long an unknown number is remembered as unknown.</summary>
    [Range(0, 3600)]
    public int NegativeCacheSeconds { get; set; } = 10;

    public bool IsConfigured => BaseUrl is not null;
}

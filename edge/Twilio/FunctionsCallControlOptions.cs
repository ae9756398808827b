namespace VoiceConnector.Edge.Twilio;

/// <summary>Where transfers and hang-ups of Twilio calls go: the functions app (section <c>Functions</c>, shared with the rest of the edge).</summary>
public sealed class FunctionsCallControlOptions
{
    public const string Section = "Functions";

    /// <summary>Base URL of the functions app, e.g. https://functions.example.com.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Secret shared by edge and functions, sent as <c>Authorization: Bearer</c>.</summary>
    public string? EdgeKey { get; set; }
}

namespace VoiceConnector.Edge.Ai.Scripted;

/// <summary>
/// One rule of the scripted responder: when the caller's words contain any of <see cref="Keywords"/>, say
/// <see cref="Reply"/> and, if the request offers it, call <see cref="Tool"/> with <see cref="ToolArguments"/>.
/// </summary>
public sealed class ScriptedIntent
{
    public string Name { get; set; } = "";

    /// <summary>Words or phrases, matched case-insensitively on word boundaries.</summary>
    public List<string> Keywords { get; set; } = [];

    public string Reply { get; set; } = "";

    /// <summary>Tool to call (e.g. <c>hang_up</c>, <c>transfer</c>, <c>send_dtmf</c>), or empty.</summary>
    public string? Tool { get; set; }

    public Dictionary<string, string> ToolArguments { get; set; } = [];
}

using System.ComponentModel.DataAnnotations;
using VoiceConnector.Contracts;

namespace VoiceConnector.Edge.Ai.Scripted;

/// <summary>The scripted responder's script, bound from <c>Ai:Scripted</c>.</summary>
public sealed class ScriptedChatOptions
{
    public const string Section = "Ai:Scripted";

    /// <summary>Said when the conversation has no caller turn yet.</summary>
    [Required]
    public string Greeting { get; set; } = "Hello, thank you for calling. How can I help you today?";

    /// <summary>Said when no intent matches.</summary>
    [Required]
    public string FallbackReply { get; set; } =
        "Sorry, I did not catch that. I can tell you our opening hours, or put you through to an operator.";

    /// <summary>Rules, first match wins. Empty: <see cref="DefaultIntents"/>.</summary>
    public List<ScriptedIntent> Intents { get; set; } = [];

    /// <summary>Where the default "operator" intent transfers to.</summary>
    [Required]
    public string TransferTarget { get; set; } = "sip:operator@127.0.0.1";

    /// <summary>Pause between streamed words, so downstream sees a stream like a real model's.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan ChunkDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The intents in force: the configured ones, or a small default script.</summary>
    public IReadOnlyList<ScriptedIntent> EffectiveIntents => Intents.Count > 0 ? Intents : DefaultIntents();

    private List<ScriptedIntent> DefaultIntents() =>
    [
        new()
        {
            Name = "goodbye",
            Keywords = ["goodbye", "good bye", "bye", "hang up", "that's all", "that is all"],
            Reply = "Thank you for calling. Goodbye!",
            Tool = AgentTools.HangUp,
        },
        new()
        {
            Name = "operator",
            Keywords = ["operator", "human", "representative", "real person", "transfer"],
            Reply = "Let me put you through to an operator.",
            Tool = AgentTools.Transfer,
            ToolArguments = new() { ["target"] = TransferTarget },
        },
        new()
        {
            Name = "hours",
            Keywords = ["hours", "open", "opening", "close", "closing"],
            Reply = "We are open Monday to Friday, from nine in the morning to five in the afternoon.",
        },
        new()
        {
            Name = "hello",
            Keywords = ["hello", "hi", "hey"],
            Reply = "Hello! How can I help you?",
        },
    ];
}

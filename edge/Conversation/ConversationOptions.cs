using System.ComponentModel.DataAnnotations;

namespace VoiceConnector.Edge.Conversation;

/// <summary>Edge-wide conversation settings (section <c>Conversation</c>); per-agent settings come with the agent.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>Spoken when a service failed; pre-rendered at call start (bundled recording if TTS is down).</summary>
    [Required]
    public string ApologyText { get; set; } = "I'm sorry, I had a problem there. Could you say that again?";

    /// <summary>Spoken before the agent hangs up (idle caller, maximum call length, or a hang-up without words).</summary>
    [Required]
    public string GoodbyeText { get; set; } = "Thank you for calling. Goodbye.";

    /// <summary>Spoken after the idle time when the caller says nothing.</summary>
    [Required]
    public string RepromptText { get; set; } = "Are you still there?";

    /// <summary>Spoken on a number that has no agent, before hanging up.</summary>
    [Required]
    public string NotInServiceText { get; set; } = "Sorry, this number is not in service. Goodbye.";

    /// <summary>Spoken when the agent's own greeting cannot be synthesized.</summary>
    [Required]
    public string FallbackGreetingText { get; set; } = "Hello, how can I help you?";

    /// <summary>TTS voice for calls without an agent (not-in-service) and agents without a voice.</summary>
    public string DefaultVoice { get; set; } = "";

    /// <summary>Consecutive speech needed to open a caller speech segment.</summary>
    [Range(20, 500)]
    public int SpeechOnsetMs { get; set; } = 60;

    /// <summary>Audio kept from before speech onset and sent to STT with the utterance.</summary>
    [Range(0, 2_000)]
    public int PreRollMs { get; set; } = 300;

    /// <summary>Longest utterance; the turn is ended when it is reached.</summary>
    [Range(1, 120)]
    public int MaxUtteranceSeconds { get; set; } = 30;

    /// <summary>Attempts per STT, LLM or TTS request (retried with backoff while nothing was produced yet).</summary>
    [Range(1, 5)]
    public int ServiceAttempts { get; set; } = 2;

    /// <summary>Delay before the first retry; doubled for each further one.</summary>
    [Range(0, 5_000)]
    public int RetryBackoffMs { get; set; } = 150;

    /// <summary>Tool rounds (model calls a tool, sees its result, answers) per caller turn.</summary>
    [Range(1, 10)]
    public int MaxToolRounds { get; set; } = 3;
}

using VoiceConnector.Edge.Conversation.Fallbacks;
using VoiceConnector.Edge.Conversation.Replies;
using VoiceConnector.Edge.Conversation.Tools;
using VoiceConnector.Edge.Conversation.Turns;

namespace VoiceConnector.Edge.Conversation;

/// <summary>The per-call pieces the conversation speaks and listens with, wired by <see cref="ConversationSession"/>.</summary>
internal sealed class CallParts(
    AgentActivity activity,
    InterruptibleSpeech speech,
    SpeechPlayer player,
    ReplyGenerator replies,
    AgentToolbox tools,
    ServiceRetry retry,
    Func<FallbackPrompt, ReadOnlyMemory<short>> prompt,
    Func<bool> callerIsSpeakingOrWaiting)
{
    public AgentActivity Activity { get; } = activity;

    public InterruptibleSpeech Speech { get; } = speech;

    public SpeechPlayer Player { get; } = player;

    public ReplyGenerator Replies { get; } = replies;

    public AgentToolbox Tools { get; } = tools;

    public ServiceRetry Retry { get; } = retry;

    /// <summary>The 16 kHz PCM of a fixed prompt (pre-rendered for the agent's voice, or the bundled recording).</summary>
    public ReadOnlyMemory<short> Prompt(FallbackPrompt kind) => prompt(kind);

    /// <summary>True when the caller is talking, or another event waits: a reply now would talk over them.</summary>
    public bool CallerIsSpeakingOrWaiting() => callerIsSpeakingOrWaiting();
}

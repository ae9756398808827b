using VoiceConnector.Edge.Conversation.Turns;

namespace VoiceConnector.Edge.Conversation;

/// <summary>One event for the conversation loop. The loop owns (and disposes) the <see cref="Utterance"/>.</summary>
internal sealed record ConversationEvent(ConversationEventKind Kind, Utterance? Utterance = null, string? Digits = null);

namespace VoiceConnector.Edge.Conversation.Replies;

/// <summary>How a spoken reply ended: the text the caller heard, and, when the caller barged in, what was left unsaid.</summary>
/// <param name="Heard">Everything the caller heard of the reply.</param>
/// <param name="Interrupted">True when the caller barged in.</param>
/// <param name="Unheard">The words the caller did not hear (empty unless interrupted).</param>
internal sealed record SpokenReply(string Heard, bool Interrupted, string Unheard);

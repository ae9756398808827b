namespace VoiceConnector.Edge.Conversation.Playout;

/// <summary>An interrupted reply: the words the caller heard, and the words they did not.</summary>
internal sealed record PlayoutSplit(string Heard, string Unheard);

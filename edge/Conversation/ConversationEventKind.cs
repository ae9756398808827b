namespace VoiceConnector.Edge.Conversation;

/// <summary>What the conversation loop of a call reacts to.</summary>
internal enum ConversationEventKind
{
    /// <summary>The caller finished an utterance.</summary>
    CallerUtterance,

    /// <summary>The caller pressed keys.</summary>
    Dtmf,

    /// <summary>The caller was silent for the idle time after the agent spoke.</summary>
    Idle,

    /// <summary>The call reached its maximum length.</summary>
    MaxDuration,

    /// <summary>The transport asked for the call to end (the edge is shutting down).</summary>
    EndRequested,
}

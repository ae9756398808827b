namespace VoiceConnector.Edge.Conversation.Tools;

/// <summary>What a tool call did to the call.</summary>
internal enum ToolEffect
{
    /// <summary>The call goes on (DTMF sent, a failed transfer, an unknown or disallowed tool).</summary>
    None,

    /// <summary>The agent is to hang up (after what it said has been played).</summary>
    HangUp,

    /// <summary>The agent is to transfer the caller (after what it said has been played).</summary>
    Transfer,
}

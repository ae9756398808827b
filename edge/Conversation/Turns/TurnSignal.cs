namespace VoiceConnector.Edge.Conversation.Turns;

/// <summary>What one 20 ms frame of caller audio meant for the turn taking.</summary>
internal enum TurnSignal
{
    /// <summary>Nothing changed.</summary>
    None,

    /// <summary>Caller speech began (the onset frames are the start of a new segment).</summary>
    SpeechStarted,

    /// <summary>The segment just reached the barge-in minimum of speech.</summary>
    BargeInThresholdReached,

    /// <summary>End-of-turn silence followed the segment: the caller's turn ended.</summary>
    TurnEnded,
}

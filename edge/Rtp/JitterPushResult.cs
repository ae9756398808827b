namespace VoiceConnector.Edge.Rtp;

/// <summary>What the jitter buffer did with a packet.</summary>
public enum JitterPushResult
{
    /// <summary>Stored for playout.</summary>
    Accepted,

    /// <summary>Already held or already played: dropped.</summary>
    Duplicate,

    /// <summary>Arrived after its playout slot passed: dropped.</summary>
    Late,

    /// <summary>Payload larger than a slot: dropped.</summary>
    TooLarge,

    /// <summary>Far outside the window (sequence jump, new stream): the buffer restarted from this packet.</summary>
    Restarted,
}

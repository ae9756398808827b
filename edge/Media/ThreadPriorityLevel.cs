namespace VoiceConnector.Edge.Media;

/// <summary>What <see cref="ThreadPriority.RaiseCurrentThread"/> obtained.</summary>
internal enum ThreadPriorityLevel
{
    /// <summary>Not permitted (or not Linux): the normal time-sharing priority.</summary>
    Normal,

    /// <summary>A lower nice value in the normal time-sharing policy.</summary>
    Nice,

    /// <summary>The real-time round-robin policy.</summary>
    RealTime,
}

namespace VoiceConnector.Edge.Rtp;

/// <summary>What the jitter buffer has for the next playout slot.</summary>
public enum JitterPopResult
{
    /// <summary>Nothing yet: still filling to the target depth before playout starts.</summary>
    Buffering,

    /// <summary>The next packet, in order.</summary>
    Packet,

    /// <summary>The next packet is missing while later ones are here: conceal one packet and move on.</summary>
    Lost,

    /// <summary>Playing, but nothing has arrived yet: conceal one packet and wait for it.</summary>
    Underrun,
}

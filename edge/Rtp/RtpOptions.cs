namespace VoiceConnector.Edge.Rtp;

/// <summary>The "Rtp" configuration section.</summary>
public sealed class RtpOptions
{
    /// <summary>Local address the RTP/RTCP sockets bind to.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Address put in the SDP c= line (the public address behind NAT); defaults to <see cref="BindAddress"/>.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Lowest RTP port (the range holds even RTP ports and the odd RTCP port above each).</summary>
    public int PortMin { get; set; } = 20000;

    /// <summary>Highest port of the range (inclusive).</summary>
    public int PortMax { get; set; } = 29999;

    /// <summary>
    /// New calls are refused (SIP 503) while the busiest pacing thread spends more than this share of its 20 ms tick
    /// working (<see cref="Media.IPacingClock.Load"/>), so that an overloaded edge keeps the calls it has.
    /// </summary>
    public double MaxPacingLoad { get; set; } = 0.75;

    /// <summary>
    /// New calls are also refused (SIP 503) while work queued to the thread pool starts later than this
    /// (<see cref="Media.ThreadPoolLag"/>): the agents run there, at normal priority, so a CPU-starved edge would answer
    /// late on every call long before the pacing threads (at a higher priority) show it.
    /// </summary>
    public int MaxThreadPoolLagMs { get; set; } = 100;

    /// <summary>
    /// New calls are also refused (SIP 503) while the machine's cores are busier than this share
    /// (<see cref="Media.CpuLoad"/>): the edge has its machine to itself in production, and past this the kernel shares
    /// the CPU out so that every call's audio and answers get later, while no queue grows. 1 turns the check off.
    /// </summary>
    public double MaxCpuLoad { get; set; } = 0.85;
}

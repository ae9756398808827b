namespace VoiceConnector.Edge.Rtp.Rtcp;

/// <summary>What a received compound RTCP packet said: the SR or RR, its first report block, and whether it said BYE.</summary>
public readonly record struct RtcpReport(
    uint Ssrc,
    bool IsSenderReport,
    ulong NtpTimestamp,
    uint RtpTimestamp,
    uint PacketCount,
    uint OctetCount,
    RtcpReportBlock? Block,
    bool Bye);

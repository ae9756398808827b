namespace VoiceConnector.Edge.Rtp.Rtcp;

/// <summary>
/// Reception statistics of one source for RTCP report blocks (RFC 3550 A.1, A.3, A.8): extended highest sequence,
/// cumulative and fractional loss, interarrival jitter in timestamp units. Not thread-safe.
/// </summary>
public sealed class RtpReceiveStatistics
{
    private bool started;
    private uint ssrc;
    private ushort maxSequence;
    private uint cycles;
    private uint baseSequence;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private double jitter;
    private long lastTransit;

    public uint Ssrc => ssrc;

    public long Received => received;

    /// <summary>Records a packet; <paramref name="arrivalInClockUnits"/> is the arrival time in RTP timestamp units.</summary>
    public void Update(uint sourceSsrc, ushort sequence, uint timestamp, long arrivalInClockUnits)
    {
        if (!started || sourceSsrc != ssrc)
        {
            started = true;
            ssrc = sourceSsrc;
            baseSequence = sequence;
            maxSequence = sequence;
            cycles = 0;
            received = expectedPrior = receivedPrior = 0;
            jitter = 0;
            lastTransit = arrivalInClockUnits - timestamp;
        }
        else
        {
            var delta = (ushort)(sequence - maxSequence);
            if (delta is > 0 and < 0x8000)
            {
                if (sequence < maxSequence)
                {
                    cycles += 0x10000;
                }

                maxSequence = sequence;
            }

            var transit = arrivalInClockUnits - timestamp;
            var d = Math.Abs((int)(transit - lastTransit));
            lastTransit = transit;
            jitter += (d - jitter) / 16;
        }

        received++;
    }

    /// <summary>The report block for this source, and resets the interval counters for the fraction lost.</summary>
    public RtcpReportBlock? TakeReportBlock(uint lastSenderReport, uint delaySinceLastSenderReport)
    {
        if (!started)
        {
            return null;
        }

        var extendedMax = cycles + maxSequence;
        var expected = (long)extendedMax - baseSequence + 1;
        var lost = expected - received;
        var expectedInterval = expected - expectedPrior;
        var receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        var lostInterval = expectedInterval - receivedInterval;
        var fraction = expectedInterval == 0 || lostInterval <= 0 ? (byte)0 : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
        return new RtcpReportBlock(ssrc, fraction, (int)Math.Clamp(lost, -0x800000, 0x7FFFFF), extendedMax, (uint)jitter, lastSenderReport, delaySinceLastSenderReport);
    }
}

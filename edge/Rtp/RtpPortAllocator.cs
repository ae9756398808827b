using Microsoft.Extensions.Options;

namespace VoiceConnector.Edge.Rtp;

/// <summary>
/// Hands out RTP/RTCP port pairs (even RTP port, RTCP on the next odd port) from Rtp:PortMin..PortMax, round robin so
/// a port just released is not reused at once. Thread-safe.
/// </summary>
public sealed class RtpPortAllocator
{
    private readonly Lock gate = new();
    private readonly bool[] inUse;
    private readonly int firstPort;
    private int next;

    public RtpPortAllocator(IOptions<RtpOptions> options)
        : this(options?.Value.PortMin ?? throw new ArgumentNullException(nameof(options)), options.Value.PortMax)
    {
    }

    public RtpPortAllocator(int portMin, int portMax)
    {
        firstPort = (portMin + 1) & ~1;
        inUse = new bool[Math.Max(0, (portMax - firstPort + 1) / 2)];
    }

    /// <summary>Number of port pairs in the range.</summary>
    public int Capacity => inUse.Length;

    /// <summary>Number of pairs currently handed out.</summary>
    public int InUse { get; private set; }

    /// <summary>Takes a free pair; false when all are in use.</summary>
    public bool TryAllocate(out int rtpPort)
    {
        lock (gate)
        {
            for (var i = 0; i < inUse.Length; i++)
            {
                var index = (next + i) % inUse.Length;
                if (!inUse[index])
                {
                    inUse[index] = true;
                    next = (index + 1) % inUse.Length;
                    InUse++;
                    rtpPort = firstPort + (2 * index);
                    return true;
                }
            }
        }

        rtpPort = 0;
        return false;
    }

    /// <summary>Returns a pair taken with <see cref="TryAllocate"/>.</summary>
    public void Release(int rtpPort)
    {
        var index = (rtpPort - firstPort) / 2;
        lock (gate)
        {
            if (index >= 0 && index < inUse.Length && inUse[index])
            {
                inUse[index] = false;
                InUse--;
            }
        }
    }
}

using System.Globalization;

namespace VoiceConnector.Edge.Media;

/// <summary>
/// How busy the machine's cores are, from Linux's <c>/proc/stat</c>, sampled every 250 ms and smoothed over about a
/// second (0 = idle, 1 = every core busy). The edge has its machine to itself in production, so this shows an edge
/// with more work than cores even when its thread pool keeps up: the kernel shares out the CPU time, so every thread
/// gets a little later, but no queue grows. New streams are refused above Twilio:MaxCpuLoad. Elsewhere than Linux it
/// stays 0.
/// </summary>
public sealed class CpuLoad : IDisposable
{
    private const int SampleIntervalMs = 250;
    private const double Smoothing = 0.4; // weight of the newest sample

    private readonly Timer? timer;
    private long lastBusy;
    private long lastTotal;
    private double load;

    public CpuLoad()
    {
        if (OperatingSystem.IsLinux() && TryRead(out lastBusy, out lastTotal))
        {
            timer = new Timer(static state => ((CpuLoad)state!).Sample(), this, SampleIntervalMs, SampleIntervalMs);
        }
    }

    /// <summary>Share of all cores busy, smoothed over about a second.</summary>
    public double Value => Volatile.Read(ref load);

    public void Dispose() => timer?.Dispose();

    /// <summary>Parses the first line of /proc/stat: busy and total jiffies over all cores.</summary>
    internal static bool TryParse(string line, out long busy, out long total)
    {
        busy = total = 0;
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5 || fields[0] != "cpu")
        {
            return false;
        }

        long idle = 0;
        for (var i = 1; i < fields.Length && i <= 8; i++) // user nice system idle iowait irq softirq steal
        {
            if (!long.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            total += value;
            if (i is 4 or 5)
            {
                idle += value;
            }
        }

        busy = total - idle;
        return true;
    }

    private static bool TryRead(out long busy, out long total)
    {
        busy = total = 0;
        try
        {
            using var reader = new StreamReader("/proc/stat");
            return reader.ReadLine() is { } line && TryParse(line, out busy, out total);
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private void Sample()
    {
        if (!TryRead(out var busy, out var total) || total <= lastTotal)
        {
            return;
        }

        var current = (double)(busy - lastBusy) / (total - lastTotal);
        (lastBusy, lastTotal) = (busy, total);
        Volatile.Write(ref load, (Smoothing * Math.Clamp(current, 0, 1)) + ((1 - Smoothing) * Volatile.Read(ref load)));
    }
}

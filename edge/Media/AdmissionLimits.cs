using System.Globalization;

namespace VoiceConnector.Edge.Media;

/// <summary>
/// When a transport refuses new calls so that the edge keeps the calls it has: the busiest pacing thread above
/// <paramref name="MaxPacingLoad"/> of its tick, thread-pool work starting more than <paramref name="MaxThreadPoolLagMs"/>
/// late (the agents run there), or the machine's cores busier than <paramref name="MaxCpuLoad"/> (1 turns that check off).
/// <paramref name="Section"/> names the configuration section in the reason.
/// </summary>
public sealed record AdmissionLimits(string Section, double MaxPacingLoad, int MaxThreadPoolLagMs, double MaxCpuLoad)
{
    /// <summary>Why no new call can be taken now, or null when one can.</summary>
    public string? Refusal(IPacingClock clock, ThreadPoolLag threadPoolLag, CpuLoad cpuLoad)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(threadPoolLag);
        ArgumentNullException.ThrowIfNull(cpuLoad);
        var load = clock.Load;
        if (load > MaxPacingLoad)
        {
            // One more call would make every call's audio late.
            return string.Create(CultureInfo.InvariantCulture, $"the pacing threads are {load:P0} busy (limit {MaxPacingLoad:P0}, {Section}:MaxPacingLoad)");
        }

        var lag = threadPoolLag.Milliseconds;
        if (lag > MaxThreadPoolLagMs)
        {
            // The agents would start late: every call would hear its answers late.
            return string.Create(CultureInfo.InvariantCulture, $"thread pool work waits {lag:F0} ms (limit {MaxThreadPoolLagMs} ms, {Section}:MaxThreadPoolLagMs)");
        }

        var cores = cpuLoad.Value;
        return MaxCpuLoad < 1 && cores > MaxCpuLoad
            ? string.Create(CultureInfo.InvariantCulture, $"the cores are {cores:P0} busy (limit {MaxCpuLoad:P0}, {Section}:MaxCpuLoad)")
            : null;
    }
}

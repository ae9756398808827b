using System.Diagnostics;
using System.Globalization;

namespace VoiceConnector.Edge.LoadTests;

/// <summary>
/// The edge's CPU, memory and GC pauses as it reports them at <c>/metrics</c> (the runtime's <c>dotnet_process_cpu_time</c>,
/// <c>dotnet_process_memory_working_set</c> and <c>dotnet_gc_pause_time</c>), so a local and a remote edge are measured
/// the same way, and from the same reading its own view of the media spacing and of how late its thread pool ran work.
/// </summary>
internal sealed class EdgeResources(Uri edge)
{
    private const string CpuTime = "dotnet_process_cpu_time{";
    private const string WorkingSet = "dotnet_process_memory_working_set ";
    private const string GcPause = "dotnet_gc_pause_time ";

    private double lastCpuSeconds = double.NaN;
    private double lastGcPauseSeconds = double.NaN;
    private long lastSampleAt;

    /// <summary>Time the edge's GC paused it between the last two samples, ms (NaN before two).</summary>
    public double GcPauseMs { get; private set; } = double.NaN;

    /// <summary>The edge's <see cref="EdgeHistogram.SendInterval"/> at the last sample (null when it did not answer).</summary>
    public EdgeHistogram? SendInterval { get; private set; }

    /// <summary>The edge's <see cref="EdgeHistogram.ThreadPoolDelay"/> at the last sample (null when it did not answer).</summary>
    public EdgeHistogram? ThreadPoolDelay { get; private set; }

    /// <summary>Working set at the last sample, bytes (0 before any).</summary>
    public long ResidentBytes { get; private set; }

    /// <summary>Reads the edge's figures; returns the CPU it used since the previous sample in % of one core (NaN for the first, or when it did not answer).</summary>
    public async Task<double> SampleAsync(HttpClient http)
    {
        string text;
        try
        {
            text = await http.GetStringAsync(new Uri(edge, "/metrics"));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            SendInterval = ThreadPoolDelay = null; // an edge too busy to answer: the columns show NaN
            return double.NaN;
        }

        SendInterval = EdgeHistogram.Parse(text, EdgeHistogram.SendInterval);
        ThreadPoolDelay = EdgeHistogram.Parse(text, EdgeHistogram.ThreadPoolDelay);

        var now = Stopwatch.GetTimestamp();
        var cpuSeconds = 0.0;
        var gcPauseSeconds = double.NaN;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(CpuTime, StringComparison.Ordinal))
            {
                cpuSeconds += double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith(GcPause, StringComparison.Ordinal))
            {
                gcPauseSeconds = double.Parse(line[GcPause.Length..].Trim(), CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith(WorkingSet, StringComparison.Ordinal))
            {
                ResidentBytes = long.Parse(line[WorkingSet.Length..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        var percent = double.IsNaN(lastCpuSeconds) ? double.NaN : (cpuSeconds - lastCpuSeconds) / Stopwatch.GetElapsedTime(lastSampleAt, now).TotalSeconds * 100;
        lastCpuSeconds = cpuSeconds;
        GcPauseMs = (gcPauseSeconds - lastGcPauseSeconds) * 1000;
        lastGcPauseSeconds = gcPauseSeconds;
        lastSampleAt = now;
        return percent;
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace VoiceConnector.Edge.Calls.Metrics;

/// <summary>
/// Listens to every <see cref="Meter"/> whose name starts with "VoiceConnector", and to the runtime's own
/// "System.Runtime" meter (GC collections and pause time, thread pool queue, lock contention), and renders the current values in the
/// Prometheus text exposition format for <c>GET /metrics</c>. Recording is lock-free and, for instruments without
/// tags (the hot-path ones), allocation-free.
/// </summary>
public sealed class MetricsExporter : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<Instrument, InstrumentSeries> series = new();

    public MetricsExporter()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name.StartsWith("VoiceConnector", StringComparison.Ordinal) || instrument.Meter.Name == "System.Runtime")
            {
                series.TryAdd(instrument, new InstrumentSeries(instrument));
                l.EnableMeasurementEvents(instrument, series[instrument]);
            }
        };
        listener.SetMeasurementEventCallback<long>(static (_, value, tags, state) => ((InstrumentSeries)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<int>(static (_, value, tags, state) => ((InstrumentSeries)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<double>(static (_, value, tags, state) => ((InstrumentSeries)state!).Record(value, tags));
        listener.SetMeasurementEventCallback<float>(static (_, value, tags, state) => ((InstrumentSeries)state!).Record(value, tags));
        listener.Start();
    }

    /// <summary>The current value of every series, in Prometheus text format.</summary>
    public string Render()
    {
        listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var instrumentSeries in series.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            instrumentSeries.Render(text);
        }

        return text.ToString();
    }

    /// <summary>The recorded histogram of an instrument without tags, or null (for reports and tests).</summary>
    public HistogramSnapshot? GetHistogram(string instrumentName)
    {
        foreach (var s in series.Values)
        {
            if (s.Instrument.Name == instrumentName)
            {
                return s.SnapshotUntagged();
            }
        }

        return null;
    }

    public void Dispose() => listener.Dispose();

    internal static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

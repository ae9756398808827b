using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace VoiceConnector.Edge.Tests.Rtp;

/// <summary>Sums the measurements of every instrument of the meters one <see cref="IMeterFactory"/> created.</summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, double> totals = new();
    private readonly ConcurrentQueue<(string Name, double Value)> values = new();

    public MetricRecorder(IMeterFactory factory)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, factory))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument.Name, value));
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(instrument.Name, value));
        listener.Start();
    }

    public double Total(string name) => totals.TryGetValue(name, out var total) ? total : 0;

    public IReadOnlyList<double> Values(string name) => values.Where(v => v.Name == name).Select(v => v.Value).ToList();

    public void Dispose() => listener.Dispose();

    private void Add(string name, double value)
    {
        totals.AddOrUpdate(name, value, (_, total) => total + value);
        values.Enqueue((name, value));
    }
}

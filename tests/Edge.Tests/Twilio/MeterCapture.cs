using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceConnector.Edge.Tests.Twilio;

/// <summary>Sums the measurements of one app's <c>VoiceConnector.Edge</c> instruments (other apps in the process are ignored).</summary>
internal sealed class MeterCapture : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, double> sums = new();
    private readonly ConcurrentDictionary<string, double> tagged = new();

    public MeterCapture(IServiceProvider services)
    {
        var scope = services.GetRequiredService<IMeterFactory>();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "VoiceConnector.Edge" && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        listener.Start();
    }

    /// <summary>Sum of all measurements of an instrument.</summary>
    public double Sum(string instrument) => sums.GetValueOrDefault(instrument);

    /// <summary>Sum of the measurements carrying tag <paramref name="tag"/>=<paramref name="value"/>.</summary>
    public double Sum(string instrument, string tag, string value) => tagged.GetValueOrDefault($"{instrument}|{tag}={value}");

    public void Dispose() => listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        sums.AddOrUpdate(instrument.Name, value, (_, sum) => sum + value);
        foreach (var (key, tagValue) in tags)
        {
            tagged.AddOrUpdate($"{instrument.Name}|{key}={tagValue}", value, (_, sum) => sum + value);
        }
    }
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace VoiceConnector.Edge.Calls.Metrics;

/// <summary>All series (one per distinct tag set) of one instrument.</summary>
internal sealed class InstrumentSeries
{
    private readonly SeriesValue untagged;
    private readonly ConcurrentDictionary<string, SeriesValue> tagged = new(StringComparer.Ordinal);
    private readonly bool isHistogram;
    private readonly bool isGauge;

    public InstrumentSeries(Instrument instrument)
    {
        Instrument = instrument;
        Name = PrometheusName(instrument.Name, instrument.Unit);
        var type = instrument.GetType();
        isHistogram = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Histogram<>);
        isGauge = instrument is ObservableGauge<long> or ObservableGauge<double> or ObservableGauge<int>
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Gauge<>));
        untagged = new SeriesValue(isHistogram);
    }

    public Instrument Instrument { get; }

    public string Name { get; }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var target = tags.Length == 0 ? untagged : tagged.GetOrAdd(LabelText(tags), _ => new SeriesValue(isHistogram));
        if (isHistogram)
        {
            target.Observe(value);
        }
        else if (isGauge || Instrument.IsObservable)
        {
            target.Set(value);
        }
        else
        {
            target.Add(value);
        }
    }

    public HistogramSnapshot? SnapshotUntagged() => isHistogram ? untagged.Snapshot() : null;

    public void Render(StringBuilder text)
    {
        var kind = isHistogram ? "histogram" : isGauge || Instrument is ObservableUpDownCounter<long> or ObservableUpDownCounter<double> || IsUpDown() ? "gauge" : "counter";
        if (!string.IsNullOrEmpty(Instrument.Description))
        {
            text.Append("# HELP ").Append(Name).Append(' ').Append(Instrument.Description.ReplaceLineEndings(" ")).Append('\n');
        }

        text.Append("# TYPE ").Append(Name).Append(' ').Append(kind).Append('\n');
        if (untagged.HasData)
        {
            untagged.Render(text, Name, "");
        }

        foreach (var (labels, value) in tagged)
        {
            value.Render(text, Name, labels);
        }
    }

    private bool IsUpDown()
    {
        var type = Instrument.GetType();
        return type.IsGenericType && type.GetGenericTypeDefinition() == typeof(UpDownCounter<>);
    }

    private static string LabelText(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in tags)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(PrometheusName(key, null)).Append("=\"")
                .Append((Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "")
                    .Replace("\\", "\\\\", StringComparison.Ordinal)
                    .Replace("\"", "\\\"", StringComparison.Ordinal)
                    .Replace("\n", "\\n", StringComparison.Ordinal))
                .Append('"');
        }

        return text.ToString();
    }

    private static string PrometheusName(string name, string? unit)
    {
        var text = new StringBuilder(name.Length + 8);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }

        if (unit is "ms" && !name.EndsWith("_ms", StringComparison.Ordinal))
        {
            text.Append("_ms");
        }

        return text.ToString();
    }
}

using System.Diagnostics.Metrics;
using VoiceConnector.Edge.Calls.Metrics;

namespace VoiceConnector.Edge.Tests.Calls.Metrics;

public sealed class MetricsExporterTests
{
    [Fact]
    public void Render_CounterAndTaggedCounter_PrometheusText()
    {
        using var exporter = new MetricsExporter();
        using var meter = new Meter("VoiceConnector.Test." + Guid.NewGuid().ToString("N"));
        var counter = meter.CreateCounter<long>("voiceconnector.test.packets");
        counter.Add(3);
        counter.Add(4);
        counter.Add(2, new KeyValuePair<string, object?>("direction", "in"));

        var text = exporter.Render();

        Assert.Contains("# TYPE voiceconnector_test_packets counter\n", text, StringComparison.Ordinal);
        Assert.Contains("voiceconnector_test_packets 7\n", text, StringComparison.Ordinal);
        Assert.Contains("voiceconnector_test_packets{direction=\"in\"} 2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void GetHistogram_RecordedSpacing_QuantilesFromBuckets()
    {
        using var exporter = new MetricsExporter();
        using var meter = new Meter("VoiceConnector.Test." + Guid.NewGuid().ToString("N"));
        var name = "voiceconnector.test.interval." + Guid.NewGuid().ToString("N");
        var histogram = meter.CreateHistogram<double>(name, "ms");
        for (var i = 0; i < 98; i++)
        {
            histogram.Record(20.0);
        }

        histogram.Record(24.5);
        histogram.Record(60);

        var snapshot = exporter.GetHistogram(name);

        Assert.NotNull(snapshot);
        Assert.Equal(100, snapshot.Count);
        Assert.Equal(20, snapshot.QuantileUpperBound(0.5));
        Assert.Equal(25, snapshot.QuantileUpperBound(0.99));
        Assert.Equal(75, snapshot.QuantileUpperBound(1.0));
        Assert.Equal(0.99, snapshot.FractionAtOrBelow(25), 3);
        Assert.Contains("_bucket{le=\"+Inf\"} 100\n", exporter.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_OtherMeters_Ignored()
    {
        using var exporter = new MetricsExporter();
        using var meter = new Meter("Someone.Else");
        meter.CreateCounter<long>("someone.else.count").Add(1);

        Assert.DoesNotContain("someone_else_count", exporter.Render(), StringComparison.Ordinal);
    }
}

using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Tests.Media;

[Collection(MachineOverload.Name)]
public sealed class ThreadPoolLagTests
{
    [Fact]
    public void Milliseconds_PoolBlockedThenFreed_RisesWhileBlockedAndFallsAfter()
    {
        using var lag = new ThreadPoolLag();
        ThreadPoolBlocker.WaitUntil(() => lag.Milliseconds < 20, TimeSpan.FromSeconds(5));

        using (new ThreadPoolBlocker())
        {
            // The probe waits behind the blocked items: the lag counts that wait before the probe has even run.
            ThreadPoolBlocker.WaitUntil(() => lag.Milliseconds > 300, TimeSpan.FromSeconds(5));
        }

        ThreadPoolBlocker.WaitUntil(() => lag.Milliseconds < 20, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void Delay_PoolBlockedBetweenTwoReadings_RecordedOnceThePoolRunsTheProbe()
    {
        // The gauge decays within a second, so a stall between two scrapes of /metrics leaves no trace there; the
        // delay histogram keeps it.
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var longest = 0.0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "voiceconnector.threadpool.delay" && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) => InterlockedMax(ref longest, value));
        listener.Start();
        using var lag = new ThreadPoolLag(meters);
        ThreadPoolBlocker.WaitUntil(() => lag.Milliseconds < 20, TimeSpan.FromSeconds(5));
        Volatile.Write(ref longest, 0);

        using (new ThreadPoolBlocker())
        {
            ThreadPoolBlocker.WaitUntil(() => lag.Milliseconds > 500, TimeSpan.FromSeconds(5));
        }

        ThreadPoolBlocker.WaitUntil(() => Volatile.Read(ref longest) > 500, TimeSpan.FromSeconds(10));
    }

    private static void InterlockedMax(ref double target, double value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }
}

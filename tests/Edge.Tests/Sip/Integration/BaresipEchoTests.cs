using System.Globalization;
using VoiceConnector.Edge.Tests.Sip.Support;

namespace VoiceConnector.Edge.Tests.Sip.Integration;

/// <summary>baresip calls the edge with a sweep from a WAV file; the echo agent's reply must come back recognisably.</summary>
public sealed class BaresipEchoTests
{
    [Theory]
    [InlineData("g711.so", 8000, "PCMU")]
    [InlineData("g722.so", 16000, "G722")]
    public async Task Baresip_CallWithSweep_EchoComesBackCorrelated(string module, int sampleRate, string codec)
    {
        var agent = new RecordingAgent();
        await using var edge = await SipEdgeHost.StartAsync(agent: agent);
        var sweep = Sweep(sampleRate, seconds: 2);
        var audio = new short[sweep.Length * 2];
        sweep.CopyTo(audio, 0);

        using var baresip = await BaresipProcess.CallAsync(
            "sip:1000@127.0.0.1:" + edge.Port.ToString(CultureInfo.InvariantCulture), audio, sampleRate, module, seconds: 8);
        Assert.True(baresip.Log.Contains("Call established", StringComparison.Ordinal), baresip.Log);
        Assert.Equal(codec, Assert.Single(agent.Calls.Values).Codec);
        var received = baresip.Received;
        Assert.NotNull(received);
        Assert.Equal(sampleRate, received.SampleRate);

        // Envelope (10 ms energy) correlation finds the echo's delay; then the waveform itself must match there.
        var (envelope, lagMs) = EnvelopeCorrelation(sweep, received.Samples, sampleRate, maxLagMs: 1500);
        // Thresholds leave room for a loaded CI machine (concealed packets); a broken echo scores near 0.
        Assert.True(envelope > 0.6, $"envelope correlation {envelope:F2} at {lagMs} ms");
        // baresip's recording starts with the first packet it receives, so the lag is not the agent's 200 ms exactly.
        Assert.InRange(lagMs, 0, 1200);
        var window = sampleRate / 5;
        var waveform = 0.0;
        for (var at = sampleRate / 4; at + window < sweep.Length; at += window)
        {
            waveform = Math.Max(waveform, WaveformCorrelation(sweep.AsSpan(at, window), received.Samples, (lagMs * sampleRate / 1000) + at, sampleRate / 50));
        }

        Assert.True(waveform > 0.6, $"waveform correlation {waveform:F2}");
        var energyRatio = Rms(received.Samples.AsSpan(lagMs * sampleRate / 1000, sweep.Length)) / Rms(sweep);
        Assert.InRange(energyRatio, 0.3, 2.0);
    }

    /// <summary>Tone bursts of varying pitch and length with gaps: a pattern whose energy envelope is unmistakable.</summary>
    private static short[] Sweep(int sampleRate, int seconds)
    {
        var samples = new short[sampleRate * seconds];
        int[] burstMs = [120, 60, 200, 80, 150, 40, 250, 100];
        var at = 0;
        var phase = 0.0;
        for (var b = 0; at < samples.Length; b++)
        {
            var length = Math.Min(samples.Length - at, burstMs[b % burstMs.Length] * sampleRate / 1000);
            var frequency = 400 + (200 * (b % 7));
            for (var i = 0; i < length; i++)
            {
                phase += 2 * Math.PI * frequency / sampleRate;
                samples[at + i] = (short)(8000 * Math.Sin(phase));
            }

            at += length + (burstMs[(b + 3) % burstMs.Length] * sampleRate / 1000);
        }

        return samples;
    }

    private static double[] Envelope(ReadOnlySpan<short> samples, int sampleRate)
    {
        var frame = sampleRate / 100;
        var envelope = new double[samples.Length / frame];
        for (var f = 0; f < envelope.Length; f++)
        {
            envelope[f] = Rms(samples.Slice(f * frame, frame));
        }

        return envelope;
    }

    /// <summary>Best Pearson correlation of 10 ms energy envelopes over lags; returns it with the lag in ms.</summary>
    internal static (double Correlation, int LagMs) EnvelopeCorrelation(short[] sent, short[] received, int sampleRate, int maxLagMs)
    {
        var a = Envelope(sent, sampleRate);
        var b = Envelope(received, sampleRate);
        var best = (-1.0, 0);
        for (var lag = 0; lag <= maxLagMs / 10 && lag + a.Length <= b.Length; lag++)
        {
            var c = Pearson(a, b.AsSpan(lag, a.Length));
            if (c > best.Item1)
            {
                best = (c, lag * 10);
            }
        }

        return best;
    }

    /// <summary>Best normalised waveform correlation of a window against the received audio within +/- range samples.</summary>
    private static double WaveformCorrelation(ReadOnlySpan<short> window, short[] received, int center, int range)
    {
        var best = 0.0;
        for (var lag = Math.Max(0, center - range); lag <= center + range && lag + window.Length <= received.Length; lag++)
        {
            double dot = 0, x2 = 0, y2 = 0;
            for (var i = 0; i < window.Length; i++)
            {
                double x = window[i], y = received[lag + i];
                dot += x * y;
                x2 += x * x;
                y2 += y * y;
            }

            best = Math.Max(best, x2 > 0 && y2 > 0 ? dot / Math.Sqrt(x2 * y2) : 0);
        }

        return best;
    }

    private static double Pearson(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double ma = 0, mb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            ma += a[i];
            mb += b[i];
        }

        ma /= a.Length;
        mb /= a.Length;
        double dot = 0, va = 0, vb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (a[i] - ma) * (b[i] - mb);
            va += (a[i] - ma) * (a[i] - ma);
            vb += (b[i] - mb) * (b[i] - mb);
        }

        return va > 0 && vb > 0 ? dot / Math.Sqrt(va * vb) : 0;
    }

    private static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return Math.Sqrt(sum / Math.Max(1, samples.Length));
    }
}

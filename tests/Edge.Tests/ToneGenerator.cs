namespace VoiceConnector.Edge.Tests;

/// <summary>Test signals and their measurement.</summary>
internal static class ToneGenerator
{
    public static short[] Sine(double frequency, int sampleRate, int count, double amplitude = 8000, int startSample = 0)
    {
        var samples = new short[count];
        for (var i = 0; i < count; i++)
        {
            samples[i] = (short)Math.Round(amplitude * Math.Sin(2 * Math.PI * frequency * (i + startSample) / sampleRate));
        }

        return samples;
    }

    public static double Rms(ReadOnlySpan<short> samples)
    {
        double sum = 0;
        foreach (var s in samples)
        {
            sum += (double)s * s;
        }

        return samples.IsEmpty ? 0 : Math.Sqrt(sum / samples.Length);
    }

    /// <summary>Amplitude of the <paramref name="frequency"/> component (single-bin DFT), robust to phase.</summary>
    public static double ToneAmplitude(ReadOnlySpan<short> samples, double frequency, int sampleRate)
    {
        double re = 0, im = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            var angle = 2 * Math.PI * frequency * i / sampleRate;
            re += samples[i] * Math.Cos(angle);
            im -= samples[i] * Math.Sin(angle);
        }

        return 2 * Math.Sqrt((re * re) + (im * im)) / samples.Length;
    }
}

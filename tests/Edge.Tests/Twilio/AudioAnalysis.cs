using VoiceConnector.Edge.Media.Codecs;

namespace VoiceConnector.Edge.Tests.Twilio;

/// <summary>Signal checks on 8 kHz audio: decoding, best-lag normalised cross-correlation, tone power.</summary>
internal static class AudioAnalysis
{
    public static double[] Decode(byte[] muLaw) => muLaw.Select(code => (double)MuLaw.Decode(code)).ToArray();

    public static double Rms(ReadOnlySpan<double> samples)
    {
        var sum = 0.0;
        foreach (var sample in samples)
        {
            sum += sample * sample;
        }

        return samples.Length == 0 ? 0 : Math.Sqrt(sum / samples.Length);
    }

    /// <summary>The lag (samples) in [<paramref name="minLag"/>, <paramref name="maxLag"/>] where <paramref name="output"/> best matches <paramref name="input"/> delayed, and that correlation.</summary>
    public static (int Lag, double Correlation) BestLag(double[] input, double[] output, int minLag, int maxLag)
    {
        var best = (Lag: 0, Correlation: double.MinValue);
        for (var lag = minLag; lag <= maxLag; lag++)
        {
            var length = Math.Min(input.Length, output.Length - lag);
            if (length <= 0)
            {
                break;
            }

            double dot = 0, inputEnergy = 0, outputEnergy = 0;
            for (var i = 0; i < length; i++)
            {
                dot += input[i] * output[i + lag];
                inputEnergy += input[i] * input[i];
                outputEnergy += output[i + lag] * output[i + lag];
            }

            var correlation = dot / Math.Sqrt((inputEnergy * outputEnergy) + 1e-9);
            if (correlation > best.Correlation)
            {
                best = (lag, correlation);
            }
        }

        return best;
    }

    /// <summary>Goertzel power of <paramref name="hertz"/> relative to the total power of the block (0..1).</summary>
    public static double TonePower(ReadOnlySpan<double> samples, double hertz, int rate = 8000)
    {
        var coefficient = 2 * Math.Cos(2 * Math.PI * hertz / rate);
        double previous = 0, beforePrevious = 0, energy = 0;
        foreach (var sample in samples)
        {
            var current = sample + (coefficient * previous) - beforePrevious;
            beforePrevious = previous;
            previous = current;
            energy += sample * sample;
        }

        var power = (previous * previous) + (beforePrevious * beforePrevious) - (coefficient * previous * beforePrevious);
        return energy == 0 ? 0 : 2 * power / (samples.Length * energy);
    }
}

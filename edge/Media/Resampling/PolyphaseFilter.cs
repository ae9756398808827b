using System.Collections.Concurrent;

namespace VoiceConnector.Edge.Media.Resampling;

/// <summary>
/// The coefficients of a rational L/M resampler: a Kaiser-windowed sinc low-pass split into L phases of
/// <see cref="TapsPerPhase"/> taps. Immutable and shared by every resampler with the same rates.
/// </summary>
internal sealed class PolyphaseFilter
{
    /// <summary>Filter length in samples of the lower of the two rates (sets the transition band, about 1.7 kHz at 16 kHz).</summary>
    private const int BaseTaps = 48;

    private const double KaiserBeta = 8.0;

    /// <summary>Cut-off as a fraction of the lower Nyquist frequency.</summary>
    private const double CutoffFraction = 0.9;

    private static readonly ConcurrentDictionary<(int, int), PolyphaseFilter> Cache = new();

    private PolyphaseFilter(int upFactor, int downFactor)
    {
        Up = upFactor;
        Down = downFactor;

        // When decimating, the filter must span more input samples for the same transition width at the output rate.
        TapsPerPhase = downFactor <= upFactor ? BaseTaps : ((BaseTaps * downFactor / upFactor) + 7) & ~7;
        Coefficients = Design(upFactor, downFactor, TapsPerPhase);
    }

    /// <summary>Interpolation factor L.</summary>
    public int Up { get; }

    /// <summary>Decimation factor M.</summary>
    public int Down { get; }

    /// <summary>Taps per phase: the filter spans this many input samples (a multiple of 8).</summary>
    public int TapsPerPhase { get; }

    /// <summary>Phase p's taps are at [p * TapsPerPhase, (p + 1) * TapsPerPhase), oldest input sample first.</summary>
    public float[] Coefficients { get; }

    public static PolyphaseFilter For(int inputRate, int outputRate)
    {
        var divisor = GreatestCommonDivisor(inputRate, outputRate);
        return Cache.GetOrAdd((outputRate / divisor, inputRate / divisor), static key => new PolyphaseFilter(key.Item1, key.Item2));
    }

    private static float[] Design(int up, int down, int tapsPerPhase)
    {
        var length = up * tapsPerPhase;
        var prototype = new double[length];

        // Cut-off in cycles per sample at the upsampled rate (L * input rate).
        var cutoff = 0.5 * CutoffFraction / Math.Max(up, down);
        var centre = (length - 1) / 2.0;
        var besselBeta = BesselI0(KaiserBeta);
        for (var j = 0; j < length; j++)
        {
            var t = j - centre;
            var x = 2.0 * cutoff * t;
            var sinc = Math.Abs(x) < 1e-12 ? 1.0 : Math.Sin(Math.PI * x) / (Math.PI * x);
            var ratio = t / (centre + 0.5);
            var window = BesselI0(KaiserBeta * Math.Sqrt(Math.Max(0.0, 1.0 - (ratio * ratio)))) / besselBeta;
            prototype[j] = 2.0 * cutoff * sinc * window;
        }

        // Normalise each phase to unity DC gain, so an interpolated constant stays constant.
        var coefficients = new float[length];
        for (var phase = 0; phase < up; phase++)
        {
            double sum = 0;
            for (var k = 0; k < tapsPerPhase; k++)
            {
                sum += prototype[phase + ((tapsPerPhase - 1 - k) * up)];
            }

            for (var k = 0; k < tapsPerPhase; k++)
            {
                coefficients[(phase * tapsPerPhase) + k] = (float)(prototype[phase + ((tapsPerPhase - 1 - k) * up)] / sum);
            }
        }

        return coefficients;
    }

    private static double BesselI0(double x)
    {
        double sum = 1, term = 1;
        for (var k = 1; k < 50; k++)
        {
            term *= x / (2 * k) * (x / (2 * k));
            sum += term;
            if (term < sum * 1e-16)
            {
                break;
            }
        }

        return sum;
    }

    private static int GreatestCommonDivisor(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }

        return a;
    }
}

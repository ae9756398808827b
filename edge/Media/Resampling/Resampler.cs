using System.Numerics;
using System.Runtime.InteropServices;

namespace VoiceConnector.Edge.Media.Resampling;

/// <summary>
/// Stateful polyphase windowed-sinc resampler between any two rates (8, 16, 22.05, 24 kHz ...). Keeps the filter
/// history between calls, so a stream can be fed in chunks of any size with no seams. One instance per stream
/// direction; not thread-safe; no allocation after construction.
/// </summary>
public sealed class Resampler
{
    private const int ChunkSize = 1024;

    private readonly PolyphaseFilter filter;
    private readonly float[] history;
    private int count;
    private long position;

    public Resampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        InputRate = inputRate;
        OutputRate = outputRate;
        filter = PolyphaseFilter.For(inputRate, outputRate);
        history = new float[filter.TapsPerPhase - 1 + ChunkSize];
        Reset();
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Delay the filter adds, in output samples.</summary>
    public double DelayInOutputSamples => ((filter.Up * filter.TapsPerPhase) - 1) / (2.0 * filter.Down);

    /// <summary>The most samples <see cref="Process"/> can write for <paramref name="inputLength"/> input samples.</summary>
    public int MaxOutputLength(int inputLength) => (int)(((long)inputLength * filter.Up / filter.Down) + 2);

    /// <summary>Forgets the history (a new stream).</summary>
    public void Reset()
    {
        Array.Clear(history);
        count = filter.TapsPerPhase - 1;
        position = (long)(filter.TapsPerPhase - 1) * filter.Up;
    }

    /// <summary>Resamples <paramref name="input"/>; returns the number of samples written to <paramref name="output"/>.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (output.Length < MaxOutputLength(input.Length))
        {
            throw new ArgumentException("Output buffer too small: use MaxOutputLength.", nameof(output));
        }

        var written = 0;
        while (!input.IsEmpty)
        {
            var take = Math.Min(input.Length, history.Length - count);
            for (var i = 0; i < take; i++)
            {
                history[count + i] = input[i];
            }

            count += take;
            input = input[take..];
            written += Filter(output[written..]);
        }

        return written;
    }

    private int Filter(Span<short> output)
    {
        var taps = filter.TapsPerPhase;
        var up = filter.Up;
        var coefficients = filter.Coefficients;
        var written = 0;
        while (position / up < count)
        {
            var newest = (int)(position / up);
            var phase = (int)(position % up);
            var value = Dot(history.AsSpan(newest - (taps - 1), taps), coefficients.AsSpan(phase * taps, taps));
            output[written++] = (short)Math.Clamp(MathF.Round(value), short.MinValue, short.MaxValue);
            position += filter.Down;
        }

        // Keep the taps - 1 samples before the next output's newest sample.
        var drop = (int)Math.Min((position / up) - (taps - 1), count);
        if (drop > 0)
        {
            history.AsSpan(drop, count - drop).CopyTo(history);
            count -= drop;
            position -= (long)drop * up;
        }

        return written;
    }

    private static float Dot(ReadOnlySpan<float> samples, ReadOnlySpan<float> taps)
    {
        var vectorSize = Vector<float>.Count;
        var sums = Vector<float>.Zero;
        var samplesVector = MemoryMarshal.Cast<float, Vector<float>>(samples);
        var tapsVector = MemoryMarshal.Cast<float, Vector<float>>(taps);
        for (var i = 0; i < samplesVector.Length; i++)
        {
            sums += samplesVector[i] * tapsVector[i];
        }

        var sum = Vector.Sum(sums);
        for (var i = samplesVector.Length * vectorSize; i < samples.Length; i++)
        {
            sum += samples[i] * taps[i];
        }

        return sum;
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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
        var down = filter.Down;
        ref var samples = ref MemoryMarshal.GetArrayDataReference(history);
        ref var coefficients = ref MemoryMarshal.GetArrayDataReference(filter.Coefficients);
        var written = 0;

        // position = newest * up + phase, stepped by down per output without a division per sample. The window of
        // output n ends at its newest input sample; position starts at (taps - 1) * up, so it never starts before 0.
        var newest = (int)(position / up);
        var phase = (int)(position % up);
        while (newest < count)
        {
            var value = Dot(ref Unsafe.Add(ref samples, newest - (taps - 1)), ref Unsafe.Add(ref coefficients, phase * taps), taps);
            output[written++] = (short)Math.Clamp(MathF.Round(value), short.MinValue, short.MaxValue);
            phase += down;
            while (phase >= up)
            {
                phase -= up;
                newest++;
            }
        }

        position = ((long)newest * up) + phase;

        // Keep the taps - 1 samples before the next output's newest sample.
        var drop = Math.Min(newest - (taps - 1), count);
        if (drop > 0)
        {
            history.AsSpan(drop, count - drop).CopyTo(history);
            count -= drop;
            position -= (long)drop * up;
        }

        return written;
    }

    /// <summary>
    /// Sum of <paramref name="length"/> products (a multiple of 8). With 256-bit vectors: two accumulators of fused
    /// multiply-adds, so consecutive steps do not wait on each other.
    /// </summary>
    private static float Dot(ref float samples, ref float taps, int length)
    {
        if (Vector256.IsHardwareAccelerated)
        {
            var even = Vector256<float>.Zero;
            var odd = Vector256<float>.Zero;
            nuint i = 0;
            for (; i + 16 <= (nuint)length; i += 16)
            {
                even = MultiplyAdd(Vector256.LoadUnsafe(ref samples, i), Vector256.LoadUnsafe(ref taps, i), even);
                odd = MultiplyAdd(Vector256.LoadUnsafe(ref samples, i + 8), Vector256.LoadUnsafe(ref taps, i + 8), odd);
            }

            if (i < (nuint)length)
            {
                even = MultiplyAdd(Vector256.LoadUnsafe(ref samples, i), Vector256.LoadUnsafe(ref taps, i), even);
            }

            return Vector256.Sum(even + odd);
        }

        var sums = Vector<float>.Zero;
        var k = 0;
        for (; k + Vector<float>.Count <= length; k += Vector<float>.Count)
        {
            sums += Vector.LoadUnsafe(ref samples, (nuint)k) * Vector.LoadUnsafe(ref taps, (nuint)k);
        }

        var sum = Vector.Sum(sums);
        for (; k < length; k++)
        {
            sum += Unsafe.Add(ref samples, k) * Unsafe.Add(ref taps, k);
        }

        return sum;
    }

    private static Vector256<float> MultiplyAdd(Vector256<float> left, Vector256<float> right, Vector256<float> addend) =>
        Fma.IsSupported ? Fma.MultiplyAdd(left, right, addend) : (left * right) + addend;
}

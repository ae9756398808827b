namespace VoiceConnector.Edge.Conversation.Audio;

/// <summary>
/// Streaming linear-interpolation resampler for one audio stream (TTS output at the voice's rate to 16 kHz).
/// Stateful across calls so that chunk boundaries do not click. Minimal by design: the media layer's resampler
/// replaces it where a higher-quality one is available.
/// </summary>
internal sealed class LinearResampler
{
    private readonly double step;
    private double position;
    private short previous;
    private bool hasPrevious;

    public LinearResampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputRate);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputRate);
        InputRate = inputRate;
        OutputRate = outputRate;
        step = (double)inputRate / outputRate;
    }

    public int InputRate { get; }

    public int OutputRate { get; }

    /// <summary>Upper bound of the samples <see cref="Process"/> writes for <paramref name="inputLength"/> input samples.</summary>
    public int MaxOutputLength(int inputLength) => (int)Math.Ceiling((inputLength + 1) / step) + 1;

    /// <summary>Resamples <paramref name="input"/> into <paramref name="output"/>; returns the samples written.</summary>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        if (InputRate == OutputRate)
        {
            input.CopyTo(output);
            return input.Length;
        }

        if (input.IsEmpty)
        {
            return 0;
        }

        // Position is measured from the previous chunk's last sample (index -1 when there is one).
        var written = 0;
        var origin = hasPrevious ? -1 : 0;
        while (true)
        {
            var index = origin + (int)Math.Floor(position);
            if (index + 1 >= input.Length)
            {
                break;
            }

            var fraction = position - Math.Floor(position);
            var a = index < 0 ? previous : input[index];
            var b = input[index + 1];
            output[written++] = (short)Math.Round(a + ((b - a) * fraction));
            position += step;
        }

        // Re-base the position on this chunk's last sample, which becomes "previous".
        position -= input.Length - 1 - origin;
        previous = input[^1];
        hasPrevious = true;
        return written;
    }
}

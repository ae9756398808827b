namespace VoiceConnector.Edge.Media.Resampling;

/// <summary>
/// Resamples a whole utterance at once (for the AI engines) with the streaming <see cref="Resampler"/>: drops the
/// filter delay so output sample n lines up with input time n / target rate, and flushes the tail with silence.
/// Allocates; not for the 20 ms hot path, which keeps one stateful <see cref="Resampler"/> per stream direction.
/// </summary>
public static class WholeBufferResampler
{
    /// <summary>
    /// <paramref name="audio"/> at <paramref name="targetRate"/>: floor(length * target / source) samples, or
    /// <paramref name="audio"/> itself when the rate already matches or there are no samples.
    /// </summary>
    public static PcmAudio Resample(PcmAudio audio, int targetRate)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetRate);
        if (audio.SampleRate == targetRate || audio.Samples.Length == 0)
        {
            return audio;
        }

        var resampler = new Resampler(audio.SampleRate, targetRate);
        var skip = (int)Math.Round(resampler.DelayInOutputSamples);
        var length = (int)((long)audio.Samples.Length * targetRate / audio.SampleRate);
        var needed = skip + length;

        // Enough trailing silence to push the delayed tail out of the filter.
        var tail = new short[(int)Math.Ceiling((skip + 2.0) * audio.SampleRate / targetRate) + 1];
        var buffer = new short[resampler.MaxOutputLength(audio.Samples.Length) + resampler.MaxOutputLength(tail.Length)];
        var written = resampler.Process(audio.Samples, buffer);
        while (written < needed)
        {
            if (buffer.Length - written < resampler.MaxOutputLength(tail.Length))
            {
                Array.Resize(ref buffer, written + resampler.MaxOutputLength(tail.Length));
            }

            written += resampler.Process(tail, buffer.AsSpan(written));
        }

        return new PcmAudio(buffer.AsSpan(skip, length).ToArray(), targetRate);
    }
}

namespace VoiceConnector.Edge.Ai.Audio;

/// <summary>
/// Offline band-limited resampling (windowed sinc, cutoff at the lower Nyquist frequency) of whole utterances for the
/// AI engines. Not for the 20 ms hot path: the media stack has its own streaming resamplers.
/// </summary>
public static class PcmResampler
{
    private const int HalfTaps = 16;

    public static PcmAudio Resample(PcmAudio audio, int targetRate)
    {
        ArgumentNullException.ThrowIfNull(audio);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetRate);
        if (audio.SampleRate == targetRate || audio.Samples.Length == 0)
        {
            return audio;
        }

        var input = audio.Samples;
        var step = (double)audio.SampleRate / targetRate;
        var cutoff = Math.Min(1.0, 1.0 / step) * 0.95;
        var span = HalfTaps / cutoff;
        var output = new short[(int)(input.Length / step)];
        for (var n = 0; n < output.Length; n++)
        {
            var center = n * step;
            var first = Math.Max(0, (int)Math.Ceiling(center - span));
            var last = Math.Min(input.Length - 1, (int)Math.Floor(center + span));
            double sum = 0;
            for (var k = first; k <= last; k++)
            {
                var x = k - center;
                sum += input[k] * cutoff * Sinc(cutoff * x) * Window(x / span);
            }

            output[n] = (short)Math.Clamp(Math.Round(sum), short.MinValue, short.MaxValue);
        }

        return new PcmAudio(output, targetRate);
    }

    private static double Sinc(double x) => x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);

    // Blackman window over [-1, 1].
    private static double Window(double t) =>
        Math.Abs(t) >= 1 ? 0 : 0.42 + (0.5 * Math.Cos(Math.PI * t)) + (0.08 * Math.Cos(2 * Math.PI * t));
}

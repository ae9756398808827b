namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// DTMF as audio (ITU-T Q.23 dual tones): a Media Stream cannot signal digits, so digits the agent sends are played
/// into the call as 100 ms tones followed by 60 ms of silence, 16 kHz PCM.
/// </summary>
internal static class InBandDtmf
{
    public const int SampleRate = 16_000;
    public const int ToneMs = 100;
    public const int GapMs = 60;

    private const string Keys = "123A456B789C*0#D";
    private static readonly int[] Rows = [697, 770, 852, 941];
    private static readonly int[] Columns = [1209, 1336, 1477, 1633];

    /// <summary>The tone and gap for <paramref name="digit"/>; throws for a character that is not a DTMF key.</summary>
    public static short[] Render(char digit)
    {
        var index = Keys.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(digit), digit, "Not a DTMF key.");
        }

        double low = Rows[index / 4], high = Columns[index % 4];
        var tone = SampleRate * ToneMs / 1000;
        var samples = new short[tone + (SampleRate * GapMs / 1000)];
        for (var i = 0; i < tone; i++)
        {
            var t = (double)i / SampleRate;
            var value = (Math.Sin(2 * Math.PI * low * t) + Math.Sin(2 * Math.PI * high * t)) * 0.35 * short.MaxValue;
            samples[i] = (short)value;
        }

        return samples;
    }
}

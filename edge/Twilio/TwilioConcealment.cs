namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// Tracks <c>media.chunk</c> numbers of one stream and says how much audio went missing before a chunk, so the gap
/// can be filled with silence (bounded to a second) and the caller's timeline stays true.
/// </summary>
internal sealed class TwilioConcealment
{
    public const int MaxConcealedSamples = 8_000;

    private long lastChunk = -1;
    private int lastLength;

    /// <summary>8 kHz samples lost before chunk <paramref name="chunk"/> of <paramref name="length"/> bytes.</summary>
    public int LostSamples(long chunk, int length)
    {
        var lost = 0L;
        if (chunk > 0)
        {
            if (lastChunk > 0 && chunk > lastChunk + 1)
            {
                lost = Math.Min((chunk - lastChunk - 1) * Math.Max(lastLength, length), MaxConcealedSamples);
            }

            lastChunk = Math.Max(lastChunk, chunk);
        }

        lastLength = length;
        return (int)lost;
    }
}

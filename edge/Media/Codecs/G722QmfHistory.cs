namespace VoiceConnector.Edge.Media.Codecs;

/// <summary>
/// The last 24 QMF input samples, as a sliding window over a longer buffer: appending a pair moves the window
/// instead of shifting 22 values, and the buffer is compacted only once every few hundred pairs.
/// </summary>
internal sealed class G722QmfHistory
{
    private const int Taps = 24;
    private const int Length = 512;

    private readonly int[] buffer = new int[Length];
    private int start;

    /// <summary>Appends two samples; returns the 24 most recent, oldest first.</summary>
    public ReadOnlySpan<int> Push(int first, int second)
    {
        if (start + Taps + 2 > Length)
        {
            Array.Copy(buffer, start + 2, buffer, 0, Taps - 2);
            start = 0;
        }
        else
        {
            start += 2;
        }

        buffer[start + Taps - 2] = first;
        buffer[start + Taps - 1] = second;
        return buffer.AsSpan(start, Taps);
    }
}

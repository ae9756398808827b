using System.Buffers;

namespace VoiceConnector.Edge.Conversation.Turns;

/// <summary>
/// Collects caller audio for the current utterance without allocating per frame: a fixed pre-roll ring holds the
/// audio just before speech onset (VADs fire late), and a pooled buffer, grown by doubling, the utterance itself.
/// </summary>
internal sealed class UtteranceRecorder : IDisposable
{
    private readonly short[] preRoll;
    private readonly int maxSamples;
    private int preRollStart;
    private int preRollCount;
    private short[]? buffer;
    private int length;

    public UtteranceRecorder(int preRollMs, int maxUtteranceMs)
    {
        preRoll = new short[Math.Max(1, preRollMs * 16)];
        maxSamples = Math.Max(320, maxUtteranceMs * 16);
    }

    public bool Recording => buffer is not null;

    /// <summary>True when the utterance reached its maximum length and should be ended now.</summary>
    public bool Full => length >= maxSamples;

    /// <summary>Adds a frame: to the utterance while recording, else to the pre-roll ring.</summary>
    public void Append(ReadOnlySpan<short> frame)
    {
        if (buffer is null)
        {
            AppendPreRoll(frame);
            return;
        }

        var take = Math.Min(frame.Length, maxSamples - length);
        if (length + take > buffer.Length)
        {
            var grown = ArrayPool<short>.Shared.Rent(Math.Min(maxSamples, buffer.Length * 2));
            buffer.AsSpan(0, length).CopyTo(grown);
            ArrayPool<short>.Shared.Return(buffer);
            buffer = grown;
        }

        frame[..take].CopyTo(buffer.AsSpan(length));
        length += take;
    }

    /// <summary>Starts an utterance with the pre-roll audio (which includes the onset frames already appended).</summary>
    public void Start()
    {
        buffer = ArrayPool<short>.Shared.Rent(Math.Min(maxSamples, 16_000 * 4));
        length = 0;
        var first = Math.Min(preRollCount, preRoll.Length - preRollStart);
        preRoll.AsSpan(preRollStart, first).CopyTo(buffer);
        preRoll.AsSpan(0, preRollCount - first).CopyTo(buffer.AsSpan(first));
        length = preRollCount;
        preRollStart = 0;
        preRollCount = 0;
    }

    /// <summary>Ends the utterance and hands its buffer over.</summary>
    public Utterance Finish(DateTimeOffset startedAt, long endOfSpeechTimestamp, DateTimeOffset endOfSpeechAt, bool interruptedAgent)
    {
        var samples = buffer ?? throw new InvalidOperationException("No utterance is being recorded.");
        buffer = null;
        var utterance = new Utterance(samples, length, startedAt, endOfSpeechTimestamp, endOfSpeechAt, interruptedAgent);
        length = 0;
        return utterance;
    }

    /// <summary>Drops the utterance being recorded (noise).</summary>
    public void Discard()
    {
        if (buffer is not null)
        {
            ArrayPool<short>.Shared.Return(buffer);
            buffer = null;
        }

        length = 0;
    }

    public void Dispose() => Discard();

    private void AppendPreRoll(ReadOnlySpan<short> frame)
    {
        foreach (var sample in frame)
        {
            var at = (preRollStart + preRollCount) % preRoll.Length;
            preRoll[at] = sample;
            if (preRollCount < preRoll.Length)
            {
                preRollCount++;
            }
            else
            {
                preRollStart = (preRollStart + 1) % preRoll.Length;
            }
        }
    }
}

using System.Buffers;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Conversation.Turns;

/// <summary>
/// One caller utterance: 16 kHz PCM in a pooled buffer, owned by whoever holds it (dispose to return the buffer),
/// and when its end-of-turn silence began.
/// </summary>
internal sealed class Utterance : IDisposable
{
    private short[]? samples;

    public Utterance(short[] pooledSamples, int length, DateTimeOffset startedAt, long endOfSpeechTimestamp, DateTimeOffset endOfSpeechAt, bool interruptedAgent)
    {
        samples = pooledSamples;
        Length = length;
        StartedAt = startedAt;
        EndOfSpeechTimestamp = endOfSpeechTimestamp;
        EndOfSpeechAt = endOfSpeechAt;
        InterruptedAgent = interruptedAgent;
    }

    public int Length { get; }

    /// <summary>When the caller started speaking (speech onset).</summary>
    public DateTimeOffset StartedAt { get; }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> of the moment the caller stopped speaking.</summary>
    public long EndOfSpeechTimestamp { get; }

    public DateTimeOffset EndOfSpeechAt { get; }

    /// <summary>True when this speech barged in on the agent.</summary>
    public bool InterruptedAgent { get; }

    public ReadOnlySpan<short> Samples => samples.AsSpan(0, Length);

    /// <summary>The utterance as a 16 kHz mono 16-bit WAV stream (what speech-to-text clients are given).</summary>
    public MemoryStream ToWavStream()
    {
        return new MemoryStream(WavFile.Encode(Samples, 16_000), writable: false);
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref samples, null);
        if (buffer is not null)
        {
            ArrayPool<short>.Shared.Return(buffer);
        }
    }
}

using System.Collections.Concurrent;

namespace VoiceConnector.Edge.Calls;

/// <summary>
/// 20 ms of 16 kHz mono 16-bit PCM: the unit of audio at the call-media seam.
/// Frames are pooled. Whoever reads a frame from a channel owns it and must <see cref="Dispose"/> it
/// (which returns it to the pool) once done; a frame must not be touched after that.
/// </summary>
public sealed class AudioFrame : IDisposable
{
    public const int SampleRate = 16_000;
    public const int DurationMs = 20;
    public const int SampleCount = SampleRate * DurationMs / 1000;

    private const int MaxPooled = 16_384;
    private static readonly ConcurrentQueue<AudioFrame> Pool = new();
    private static int pooledCount;

    private readonly short[] samples = new short[SampleCount];

    private AudioFrame()
    {
    }

    /// <summary>The frame's samples (always <see cref="SampleCount"/> long).</summary>
    public Span<short> Samples => samples;

    /// <summary>The frame's samples as memory, for APIs that take <see cref="ReadOnlyMemory{T}"/>.</summary>
    public Memory<short> Memory => samples;

    /// <summary>Position of the first sample, in samples at 16 kHz since the start of the stream.</summary>
    public long Timestamp { get; set; }

    /// <summary>Gets a frame from the pool (or a new one). Its samples are not cleared.</summary>
    public static AudioFrame Rent()
    {
        if (Pool.TryDequeue(out var frame))
        {
            Interlocked.Decrement(ref pooledCount);
            return frame;
        }

        return new AudioFrame();
    }

    /// <summary>Returns the frame to the pool.</summary>
    public void Dispose()
    {
        if (Interlocked.Increment(ref pooledCount) <= MaxPooled)
        {
            Pool.Enqueue(this);
        }
        else
        {
            Interlocked.Decrement(ref pooledCount);
        }
    }
}

namespace VoiceConnector.Edge.Calls;

/// <summary>
/// 20 ms of 16 kHz mono 16-bit PCM: the unit of audio at the call-media seam.
/// Frames are pooled. Whoever reads a frame from a channel owns it and must <see cref="Dispose"/> it
/// (which returns it to the pool) once done; a frame must not be touched after that. The pool is a stack under a lock,
/// not a lock-free queue: frames are rented on the real-time pacing threads and returned on normal ones, and a
/// real-time thread spinning on a half-finished return would keep the returning thread off its core (see
/// <see cref="Media.LockedBlockMemoryPool"/>).
/// </summary>
public sealed class AudioFrame : IDisposable
{
    public const int SampleRate = 16_000;
    public const int DurationMs = 20;
    public const int SampleCount = SampleRate * DurationMs / 1000;

    private const int MaxPooled = 16_384;
    private static readonly Lock PoolGate = new();
    private static readonly Stack<AudioFrame> Pool = new();

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
        lock (PoolGate)
        {
            if (Pool.TryPop(out var frame))
            {
                return frame;
            }
        }

        return new AudioFrame();
    }

    /// <summary>Returns the frame to the pool.</summary>
    public void Dispose()
    {
        lock (PoolGate)
        {
            if (Pool.Count < MaxPooled)
            {
                Pool.Push(this);
            }
        }
    }
}

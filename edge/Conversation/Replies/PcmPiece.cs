using System.Buffers;

namespace VoiceConnector.Edge.Conversation.Replies;

/// <summary>A piece of synthesized 16 kHz PCM in a pooled buffer, owned by whoever holds it (dispose returns the buffer).</summary>
internal sealed class PcmPiece : IDisposable
{
    private short[]? buffer;
    private readonly int length;

    private PcmPiece(short[] buffer, int length)
    {
        this.buffer = buffer;
        this.length = length;
    }

    public ReadOnlyMemory<short> Samples => buffer.AsMemory(0, length);

    public static PcmPiece CopyOf(ReadOnlySpan<short> samples)
    {
        var pooled = ArrayPool<short>.Shared.Rent(samples.Length);
        samples.CopyTo(pooled);
        return new PcmPiece(pooled, samples.Length);
    }

    public void Dispose()
    {
        var pooled = Interlocked.Exchange(ref buffer, null);
        if (pooled is not null)
        {
            ArrayPool<short>.Shared.Return(pooled);
        }
    }
}

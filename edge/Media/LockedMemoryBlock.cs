using System.Buffers;
using System.Runtime.InteropServices;

namespace VoiceConnector.Edge.Media;

/// <summary>A pinned block of a <see cref="LockedBlockMemoryPool"/>; disposing it returns it to the pool, once.</summary>
internal sealed class LockedMemoryBlock : IMemoryOwner<byte>
{
    private readonly LockedBlockMemoryPool pool;
    private int rentedOut;

    public LockedMemoryBlock(LockedBlockMemoryPool pool)
    {
        this.pool = pool;
        var array = GC.AllocateUninitializedArray<byte>(LockedBlockMemoryPool.BlockSize, pinned: true);
        Memory = MemoryMarshal.CreateFromPinnedArray(array, 0, array.Length);
    }

    public Memory<byte> Memory { get; }

    /// <summary>Marks the block handed out.</summary>
    public void Rent() => Volatile.Write(ref rentedOut, 1);

    public void Dispose()
    {
        // A second Dispose must not put the block in the pool twice (two owners would then share it).
        if (Interlocked.Exchange(ref rentedOut, 0) == 1)
        {
            pool.Return(this);
        }
    }
}

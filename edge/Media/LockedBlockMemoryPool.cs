using System.Buffers;

namespace VoiceConnector.Edge.Media;

/// <summary>
/// Kestrel's socket memory pool for the edge: pinned 4 KB blocks kept on a stack under a lock. It replaces Kestrel's
/// lock-free pool, whose <c>Rent</c> spins (with <c>sched_yield</c>) while another thread is half-way through returning a
/// block. The Media Streams sends rent here on the real-time pacing threads, and the socket thread returns blocks at
/// normal priority: when a pacing thread preempted that thread mid-return on its core and then rented, it spun until
/// the kernel's real-time throttle let the other thread finish (up to 950 ms of the second), and every stream of the
/// edge went silent meanwhile. A waiter on this lock blocks after a short spin instead, so the holder runs at once.
/// </summary>
public sealed class LockedBlockMemoryPool : MemoryPool<byte>
{
    /// <summary>Size of every block (what Kestrel's pipes take as their segment size).</summary>
    public const int BlockSize = 4096;

    private readonly Lock gate = new();
    private readonly Stack<LockedMemoryBlock> free = new();
    private readonly int maxPooledBlocks;
    private long rented;
    private bool disposed;

    /// <param name="maxPooledBlocks">Returned blocks kept beyond this many go to the GC.</param>
    public LockedBlockMemoryPool(int maxPooledBlocks = 16_384)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPooledBlocks);
        this.maxPooledBlocks = maxPooledBlocks;
    }

    public override int MaxBufferSize => BlockSize;

    /// <summary>Blocks handed out since the pool was created.</summary>
    public long Rented => Interlocked.Read(ref rented);

    /// <summary>Blocks waiting in the pool.</summary>
    public int Pooled
    {
        get
        {
            lock (gate)
            {
                return free.Count;
            }
        }
    }

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, BlockSize);
        Interlocked.Increment(ref rented);
        lock (gate)
        {
            if (free.TryPop(out var block))
            {
                block.Rent();
                return block;
            }
        }

        var created = new LockedMemoryBlock(this);
        created.Rent();
        return created;
    }

    /// <summary>Takes a block back (its owner disposed it).</summary>
    internal void Return(LockedMemoryBlock block)
    {
        lock (gate)
        {
            if (!disposed && free.Count < maxPooledBlocks)
            {
                free.Push(block);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        lock (gate)
        {
            disposed = true;
            free.Clear();
        }
    }
}

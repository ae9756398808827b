using System.Buffers;
using Microsoft.AspNetCore.Connections;

namespace VoiceConnector.Edge.Media;

/// <summary>Gives Kestrel <see cref="LockedBlockMemoryPool"/>s (registered in place of its own factory).</summary>
public sealed class LockedBlockMemoryPoolFactory : IMemoryPoolFactory<byte>
{
    private readonly Lock gate = new();
    private readonly List<LockedBlockMemoryPool> pools = [];

    /// <summary>Blocks rented from every pool this factory created (Kestrel's transport creates them as it starts).</summary>
    public long Rented
    {
        get
        {
            lock (gate)
            {
                var sum = 0L;
                foreach (var pool in pools)
                {
                    sum += pool.Rented;
                }

                return sum;
            }
        }
    }

    public MemoryPool<byte> Create(MemoryPoolOptions? options = null)
    {
        var pool = new LockedBlockMemoryPool();
        lock (gate)
        {
            pools.Add(pool);
        }

        return pool;
    }
}

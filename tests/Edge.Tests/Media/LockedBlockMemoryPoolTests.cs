using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Tests.Media;

public sealed class LockedBlockMemoryPoolTests
{
    [Fact]
    public void Rent_AfterReturn_ReusesTheBlock()
    {
        using var pool = new LockedBlockMemoryPool();
        var first = pool.Rent();
        first.Memory.Span[0] = 42;
        first.Dispose();

        using var second = pool.Rent();

        Assert.Same(first, second);
        Assert.Equal(LockedBlockMemoryPool.BlockSize, second.Memory.Length);
        Assert.Equal(2, pool.Rented);
    }

    [Fact]
    public void Dispose_Twice_BlockPooledOnce()
    {
        using var pool = new LockedBlockMemoryPool();
        var block = pool.Rent();
        block.Dispose();
        block.Dispose();

        using var a = pool.Rent();
        using var b = pool.Rent();

        Assert.Equal(0, pool.Pooled);
        Assert.NotSame(a, b);
    }

    [Fact]
    public void Return_BeyondTheCap_LeftToTheGc()
    {
        using var pool = new LockedBlockMemoryPool(maxPooledBlocks: 2);
        var blocks = Enumerable.Range(0, 5).Select(_ => pool.Rent()).ToList();
        blocks.ForEach(b => b.Dispose());

        Assert.Equal(2, pool.Pooled);
    }

    [Fact]
    public void Rent_MoreThanABlock_Refused()
    {
        using var pool = new LockedBlockMemoryPool();

        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(LockedBlockMemoryPool.BlockSize + 1));
        using var any = pool.Rent();
        Assert.Equal(LockedBlockMemoryPool.BlockSize, any.Memory.Length);
    }

    [Fact]
    public void Rent_ManyThreadsAtOnce_NeverHandsABlockToTwoOwners()
    {
        using var pool = new LockedBlockMemoryPool();
        var owners = new System.Collections.Concurrent.ConcurrentDictionary<object, int>();
        Parallel.For(0, 8, _ =>
        {
            for (var i = 0; i < 20_000; i++)
            {
                var block = pool.Rent();
                Assert.True(owners.TryAdd(block, 0), "a block was handed to two owners");
                owners.TryRemove(block, out var _);
                block.Dispose();
            }
        });

        Assert.Equal(160_000, pool.Rented);
        Assert.InRange(pool.Pooled, 1, 8);
    }
}

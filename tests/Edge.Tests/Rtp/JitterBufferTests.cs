using System.Diagnostics;
using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Tests.Rtp;

public sealed class JitterBufferTests
{
    private static readonly long PacketTicks = Stopwatch.Frequency / 50;
    private readonly JitterBuffer buffer = new(8000);
    private readonly byte[] output = new byte[JitterBuffer.MaxPayload];

    [Fact]
    public void Pop_ReorderedPackets_ComeOutInSequenceOrder()
    {
        Push(10, 0);
        Push(12, 1);
        Push(11, 2);
        Push(13, 3);

        Assert.Equal([10, 11, 12, 13], PopPayloads(4));
    }

    [Fact]
    public void Push_Duplicate_IsDroppedOnce()
    {
        Push(10, 0);
        Assert.Equal(JitterPushResult.Duplicate, Push(10, 0));
        Push(11, 1);

        Assert.Equal([10, 11], PopPayloads(2));
        Assert.Equal(1, buffer.Duplicates);
    }

    [Fact]
    public void Pop_MissingPacketWithLaterOnesHere_ReportsLostAndMovesOn()
    {
        Push(10, 0);
        Push(11, 1);
        Push(13, 3);
        Push(14, 4);

        Assert.Equal(JitterPopResult.Packet, buffer.Pop(output, out _));
        Assert.Equal(JitterPopResult.Packet, buffer.Pop(output, out _));
        Assert.Equal(JitterPopResult.Lost, buffer.Pop(output, out _));
        Assert.Equal(JitterPopResult.Packet, buffer.Pop(output, out _));
        Assert.Equal(13, output[0]);
        Assert.Equal(1, buffer.Lost);
    }

    [Fact]
    public void Push_AfterItsSlotWasConcealed_IsLate()
    {
        Push(10, 0);
        Push(12, 2);
        PopPayloads(1);
        Assert.Equal(JitterPopResult.Lost, buffer.Pop(output, out _));

        Assert.Equal(JitterPushResult.Late, Push(11, 3));
        Assert.Equal(1, buffer.Late);
    }

    [Fact]
    public void Pop_BeforeTargetDepth_Buffers()
    {
        Push(10, 0);
        Assert.Equal(JitterPopResult.Buffering, buffer.Pop(output, out _));
        Push(11, 1);
        Assert.Equal(JitterPopResult.Packet, buffer.Pop(output, out _));
    }

    [Fact]
    public void Pop_EmptyWhilePlaying_UnderrunsWithoutSkipping()
    {
        Push(10, 0);
        Push(11, 1);
        PopPayloads(2);

        Assert.Equal(JitterPopResult.Underrun, buffer.Pop(output, out _));
        Push(12, 5);
        Assert.Equal([12], PopPayloads(1));
        Assert.Equal(0, buffer.Lost);
    }

    [Fact]
    public void Pop_SequenceWrapsAround_StaysInOrder()
    {
        buffer.Push(65534, 65534 * 160, [254], 1);
        buffer.Push(0, 65536 * 160, [0], 1 + (2 * PacketTicks));
        buffer.Push(65535, 65535 * 160, [255], 1 + PacketTicks);
        buffer.Push(1, 65537 * 160, [1], 1 + (3 * PacketTicks));

        Assert.Equal([254, 255, 0, 1], PopPayloads(4));
    }

    [Fact]
    public void TargetPackets_HighJitter_Grows()
    {
        var random = new Random(5);
        Assert.Equal(JitterBuffer.MinTargetPackets, buffer.TargetPackets);
        for (var i = 0; i < 200; i++)
        {
            // Each packet arrives 0-80 ms off its 20 ms schedule.
            buffer.Push((ushort)i, (uint)(i * 160), [0], 1 + (i * PacketTicks) + (random.Next(0, 80) * Stopwatch.Frequency / 1000));
            buffer.Pop(output, out _);
        }

        Assert.True(buffer.JitterMs > 10, $"jitter {buffer.JitterMs}");
        Assert.True(buffer.TargetPackets > JitterBuffer.MinTargetPackets);
        Assert.True(buffer.TargetPackets <= JitterBuffer.MaxTargetPackets);
    }

    [Fact]
    public void Pop_DepthFarAboveTarget_DropsOldestToCutDelay()
    {
        for (var i = 0; i < 10; i++)
        {
            Push((ushort)(100 + i), i);
        }

        buffer.Pop(output, out _);
        Assert.Equal(1, buffer.Shrunk);
        Assert.Equal(101, output[0]);
    }

    [Fact]
    public void Push_FarJump_RestartsAtNewSequence()
    {
        Push(10, 0);
        Push(11, 1);
        Assert.Equal(JitterPushResult.Restarted, Push(30_000, 2));
        Push(30_001, 3);

        Assert.Equal([30_000 & 0xFF, 30_001 & 0xFF], PopPayloads(2));
    }

    [Fact]
    public void Push_OversizedPayload_IsRefused() =>
        Assert.Equal(JitterPushResult.TooLarge, buffer.Push(1, 0, new byte[JitterBuffer.MaxPayload + 1], 1));

    private JitterPushResult Push(ushort sequence, int arrivalSlot) =>
        buffer.Push(sequence, (uint)(sequence * 160), [(byte)sequence], 1 + (arrivalSlot * PacketTicks));

    private List<int> PopPayloads(int count)
    {
        var payloads = new List<int>();
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(JitterPopResult.Packet, buffer.Pop(output, out var length));
            Assert.Equal(1, length);
            payloads.Add(output[0]);
        }

        return payloads;
    }
}

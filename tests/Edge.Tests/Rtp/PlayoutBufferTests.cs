using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Tests.Rtp;

public sealed class PlayoutBufferTests
{
    private readonly PlayoutBuffer buffer = new();
    private readonly short[] packet = new short[320];

    [Fact]
    public async Task PlayAsync_MoreThanASecond_WaitsUntilDrainedThenQueuesAll()
    {
        var threeSeconds = Enumerable.Range(0, 48_000).Select(i => (short)i).ToArray();
        var playing = buffer.PlayAsync(threeSeconds, CancellationToken.None).AsTask();

        Assert.False(playing.IsCompleted);
        Assert.InRange(buffer.Count, PlayoutBuffer.HighWater, 2 * PlayoutBuffer.HighWater);

        var taken = new List<short>();
        while (taken.Count < 48_000)
        {
            var n = buffer.Take(packet);
            taken.AddRange(packet.AsSpan(0, n).ToArray());
            if (n == 0)
            {
                await Task.Delay(1);
            }
        }

        await playing;
        Assert.Equal(threeSeconds, taken);
        Assert.Equal(48_000, buffer.QueuedPosition);
        Assert.Equal(48_000, buffer.PlayedPosition);
    }

    [Fact]
    public async Task Clear_WhileProducerWaits_DropsQueueAndTheRestOfThatPlay()
    {
        var playing = buffer.PlayAsync(new short[48_000], CancellationToken.None).AsTask();
        Assert.Equal(320, buffer.Take(packet));

        var played = buffer.Clear();
        await playing;

        Assert.Equal(320, played);
        Assert.Equal(320, buffer.QueuedPosition);
        Assert.Equal(0, buffer.Count);
        Assert.Equal(0, buffer.Take(packet));

        // A new utterance after the barge-in is queued normally.
        await buffer.PlayAsync(new short[640], CancellationToken.None);
        Assert.Equal(960, buffer.QueuedPosition);
    }

    [Fact]
    public async Task PlayAsync_CancelledWhileWaiting_Throws()
    {
        using var cts = new CancellationTokenSource();
        var playing = buffer.PlayAsync(new short[48_000], cts.Token).AsTask();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => playing);
    }
}

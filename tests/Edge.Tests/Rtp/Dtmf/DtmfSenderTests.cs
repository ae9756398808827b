using VoiceConnector.Edge.Rtp.Dtmf;

namespace VoiceConnector.Edge.Tests.Rtp.Dtmf;

public sealed class DtmfSenderTests
{
    [Fact]
    public async Task NextPacket_OneDigit_StartUpdatesThenThreeEndPackets()
    {
        var sender = new DtmfSender();
        var done = sender.EnqueueAsync('#', CancellationToken.None);
        var payload = new byte[4];
        var events = new List<(TelephoneEvent Event, bool Marker, uint Timestamp)>();
        uint timestamp = 5000;
        for (var tick = 0; tick < 12; tick++, timestamp += 160)
        {
            if (sender.NextPacket(timestamp, 160, payload, out var marker))
            {
                Assert.True(TelephoneEvent.TryParse(payload, out var value));
                events.Add((value, marker, sender.EventTimestamp));
            }
        }

        await done;
        Assert.Equal(DtmfSender.TonePackets + 2, events.Count);
        Assert.True(events[0].Marker);
        Assert.All(events.Skip(1), e => Assert.False(e.Marker));
        Assert.All(events, e => Assert.Equal(11, e.Event.Event));
        Assert.All(events, e => Assert.Equal(5000u, e.Timestamp));
        Assert.Equal([160, 320, 480, 640, 800, 800, 800], events.Select(e => (int)e.Event.Duration));
        Assert.Equal([false, false, false, false, true, true, true], events.Select(e => e.Event.End));
    }

    [Fact]
    public void EnqueueAsync_NotAKey_Throws() =>
        Assert.Throws<ArgumentException>(() => { _ = new DtmfSender().EnqueueAsync('x', CancellationToken.None); });

    [Fact]
    public async Task Cancel_Pending_CancelsTheTask()
    {
        var sender = new DtmfSender();
        var pending = sender.EnqueueAsync('1', CancellationToken.None);
        sender.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);
    }
}

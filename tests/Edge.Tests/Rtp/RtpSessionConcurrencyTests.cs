using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Tests.Rtp;

/// <summary>Many calls on the one pacing clock: every call gets its own paced, gap-free packet stream.</summary>
public sealed class RtpSessionConcurrencyTests : IDisposable
{
    private const int Calls = 20;
    private readonly RtpTestHost host = new(pairs: Calls + 5);

    [Fact]
    public async Task OneClock_TwentyCalls_EachSendsConsecutivePackets()
    {
        using var recorder = new MetricRecorder(host.MeterFactory);
        var peers = Enumerable.Range(0, Calls).Select(_ => new RtpPeer()).ToList();
        var sessions = new List<RtpSession>();
        try
        {
            foreach (var peer in peers)
            {
                var session = host.Create();
                sessions.Add(session);
                session.Start(new RtpSessionParameters(RtpCodec.Pcmu, 101, peer.EndPoint));
            }

            Assert.Equal(Calls, host.Clock.Count);
            var results = await Task.WhenAll(peers.Select(ReceiveThirtyAsync));
            foreach (var sequences in results)
            {
                Assert.Equal(30, sequences.Count);
                Assert.All(sequences.Zip(sequences.Skip(1)), p => Assert.Equal((ushort)(p.First + 1), p.Second));
            }

            // The sender records its spacing on the clock thread for every packet (the metric the load benchmark
            // reports as p99; figures belong to the benchmark, not to this test).
            var spacings = recorder.Values("voiceconnector.rtp.send_interval").ToList();
            Assert.True(spacings.Count >= Calls * 25);
        }
        finally
        {
            foreach (var session in sessions)
            {
                await session.DisposeAsync();
            }

            peers.ForEach(p => p.Dispose());
        }

        Assert.Equal(0, host.Clock.Count);
        Assert.Equal(0, host.Ports.InUse);
    }

    public void Dispose() => host.Dispose();

    private static async Task<List<ushort>> ReceiveThirtyAsync(RtpPeer peer)
    {
        var sequences = new List<ushort>();
        while (sequences.Count < 30 && await peer.ReceiveAsync(TimeSpan.FromSeconds(5)) is { } packet)
        {
            sequences.Add(RtpPeer.SequenceOf(packet.Data));
        }

        return sequences;
    }
}

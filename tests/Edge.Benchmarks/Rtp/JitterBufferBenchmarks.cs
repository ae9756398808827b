using BenchmarkDotNet.Attributes;
using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Benchmarks.Rtp;

/// <summary>Cost of one packet through the jitter buffer (push on arrival, pop at playout).</summary>
[MemoryDiagnoser]
public class JitterBufferBenchmarks
{
    private readonly JitterBuffer buffer = new(8000);
    private readonly byte[] payload = new byte[160];
    private readonly byte[] output = new byte[JitterBuffer.MaxPayload];
    private ushort sequence;
    private long arrival = 1;

    [GlobalSetup]
    public void Setup()
    {
        // Prime to the target depth so every pop returns a packet.
        for (var i = 0; i < JitterBuffer.MinTargetPackets; i++)
        {
            Push();
        }
    }

    [Benchmark(Description = "Jitter buffer push+pop, one 20 ms packet")]
    public JitterPopResult PushPop()
    {
        Push();
        return buffer.Pop(output, out _);
    }

    private void Push()
    {
        buffer.Push(sequence, (uint)(sequence * 160), payload, arrival);
        sequence++;
        arrival += System.Diagnostics.Stopwatch.Frequency / 50;
    }
}

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Rtp;
using VoiceConnector.Edge.Rtp.Dtmf;

namespace VoiceConnector.Edge.Benchmarks.Rtp;

/// <summary>
/// What one call costs per 20 ms on its pacing thread: the receive side (jitter buffer push, then on the tick pop,
/// decode, 8 -> 16 kHz, AudioFrame; reading the datagram from the socket is not included) and the send side (take
/// from playout, 16 -> 8 kHz, encode, UDP send on loopback).
/// </summary>
[MemoryDiagnoser]
public class SessionTickBenchmarks : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Socket sink = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Channel<AudioFrame> frames = Channel.CreateBounded<AudioFrame>(new BoundedChannelOptions(4) { FullMode = BoundedChannelFullMode.DropOldest }, f => f.Dispose());
    private readonly short[] audio = new short[320];
    private readonly byte[] packet = new byte[12 + 160];
    private ServiceProvider services = null!;
    private RtpReceiver receiver = null!;
    private RtpSender sender = null!;
    private PlayoutBuffer playout = null!;
    private System.Net.SocketAddress source = null!;
    private ushort sequence;
    private long arrivals;

    [Params("PCMU", "G722")]
    public string Codec { get; set; } = "PCMU";

    [GlobalSetup]
    public void Setup()
    {
        services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new RtpMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        sink.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var remote = (IPEndPoint)sink.LocalEndPoint!;
        source = remote.Serialize();
        var codec = Codec == "G722" ? RtpCodec.G722 : RtpCodec.Pcmu;
        var parameters = new RtpSessionParameters(codec, 101, remote);
        var latch = new SymmetricRtpLatch(remote);
        playout = new PlayoutBuffer();
        receiver = new RtpReceiver(parameters, latch, metrics, frames.Writer, Channel.CreateUnbounded<DtmfDigit>().Writer);
        sender = new RtpSender(socket, parameters, latch, playout, new DtmfSender(), metrics);
        for (var i = 0; i < 4; i++)
        {
            Arrive();
        }
    }

    [Benchmark(Description = "Receive: packet in, tick, 20 ms frame out")]
    public void Receive()
    {
        Arrive();
        while (frames.Reader.TryRead(out var frame))
        {
            frame.Dispose();
        }
    }

    [Benchmark(Description = "Send tick: 20 ms from playout, encode, UDP send")]
    public void SendTick()
    {
        if (playout.Count < 320)
        {
            var queued = playout.PlayAsync(audio, CancellationToken.None);
            if (!queued.IsCompletedSuccessfully)
            {
                queued.AsTask().GetAwaiter().GetResult();
            }
        }

        sender.OnTick();
    }

    public void Dispose()
    {
        socket.Dispose();
        sink.Dispose();
        services?.Dispose();
        GC.SuppressFinalize(this);
    }

    private void Arrive()
    {
        RtpPacket.WriteHeader(packet, false, (byte)(Codec == "G722" ? 9 : 0), sequence, (uint)(sequence * 160), 42);
        // Arrivals 20 ms apart, each followed by its tick, which makes exactly one frame due.
        var arrival = 1 + (++arrivals * (Stopwatch.Frequency / 50));
        receiver.OnDatagram(packet, source, arrival);
        receiver.OnTick(arrival);
        sequence++;
    }
}

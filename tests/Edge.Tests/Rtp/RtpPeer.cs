using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Tests.Rtp;

/// <summary>The caller's side of a test call: a UDP socket on 127.0.0.1 sending and receiving raw RTP.</summary>
internal sealed class RtpPeer : IDisposable
{
    private readonly UdpClient client = new(new IPEndPoint(IPAddress.Loopback, 0));

    public IPEndPoint EndPoint => (IPEndPoint)client.Client.LocalEndPoint!;

    public ushort Sequence { get; set; } = 1000;

    public uint Timestamp { get; set; } = 50_000;

    public uint Ssrc { get; set; } = 0x1234_5678;

    public static byte[] Packet(byte payloadType, ushort sequence, uint timestamp, uint ssrc, ReadOnlySpan<byte> payload, bool marker = false)
    {
        var packet = new byte[RtpPacket.HeaderLength + payload.Length];
        RtpPacket.WriteHeader(packet, marker, payloadType, sequence, timestamp, ssrc);
        payload.CopyTo(packet.AsSpan(RtpPacket.HeaderLength));
        return packet;
    }

    public void Send(byte[] datagram, IPEndPoint to) => client.Send(datagram, datagram.Length, to);

    /// <summary>Sends the next audio packet (sequence and timestamp advance by one packet).</summary>
    public void SendAudio(byte payloadType, ReadOnlySpan<byte> payload, IPEndPoint to, int samples = 160)
    {
        Send(Packet(payloadType, Sequence, Timestamp, Ssrc, payload), to);
        Sequence++;
        Timestamp += (uint)samples;
    }

    /// <summary>Receives one datagram with its arrival time, or null after <paramref name="timeout"/>.</summary>
    public async Task<(byte[] Data, long Arrival)?> ReceiveAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var result = await client.ReceiveAsync(cts.Token);
            return (result.Buffer, System.Diagnostics.Stopwatch.GetTimestamp());
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public static ushort SequenceOf(byte[] packet) => BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(2));

    public static uint TimestampOf(byte[] packet) => BinaryPrimitives.ReadUInt32BigEndian(packet.AsSpan(4));

    public void Dispose() => client.Dispose();
}

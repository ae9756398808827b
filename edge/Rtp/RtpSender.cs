using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Rtp.Dtmf;

namespace VoiceConnector.Edge.Rtp;

/// <summary>
/// The outgoing half of a session, run on the pacing clock's thread: every ptime it sends exactly one packet - a
/// DTMF event packet if one is being sent, else the next queued audio, else silence - and nothing while the caller
/// holds. Encoding happens here, into preallocated buffers.
/// </summary>
public sealed class RtpSender
{
    private const int MaxPtimeMs = 60;
    private const int MaxPcmSamples = AudioFrame.SampleRate * MaxPtimeMs / 1000;

    private readonly Socket socket;
    private readonly PlayoutBuffer playout;
    private readonly DtmfSender dtmf;
    private readonly RtpMetrics metrics;
    private readonly byte[] packet = new byte[RtpPacket.HeaderLength + MaxPcmSamples];
    private readonly short[] pcm = new short[MaxPcmSamples];
    private RtpSessionParameters parameters;
    private SymmetricRtpLatch latch;
    private RtpAudioEncoder encoder;
    private ushort sequence;
    private uint timestamp;
    private bool marker = true;
    private long lastSend;
    private long ticks;

    public RtpSender(Socket socket, RtpSessionParameters parameters, SymmetricRtpLatch latch, PlayoutBuffer playout, DtmfSender dtmf, RtpMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        this.socket = socket;
        this.parameters = parameters;
        this.latch = latch;
        this.playout = playout;
        this.dtmf = dtmf;
        this.metrics = metrics;
        encoder = new RtpAudioEncoder(parameters.Codec, MaxPcmSamples);
        Ssrc = unchecked((uint)RandomNumberGenerator.GetInt32(int.MinValue, int.MaxValue));
        sequence = (ushort)RandomNumberGenerator.GetInt32(ushort.MaxValue + 1);
        timestamp = (uint)RandomNumberGenerator.GetInt32(int.MaxValue);
    }

    public uint Ssrc { get; }

    /// <summary>RTP timestamp of the next packet.</summary>
    public uint Timestamp => Volatile.Read(ref timestamp);

    public uint PacketsSent { get; private set; }

    public uint OctetsSent { get; private set; }

    /// <summary>Applies re-negotiated parameters (runs under the session lock, between ticks).</summary>
    public void Update(RtpSessionParameters updated, SymmetricRtpLatch newLatch)
    {
        ArgumentNullException.ThrowIfNull(updated);
        if (updated.Codec != parameters.Codec)
        {
            encoder = new RtpAudioEncoder(updated.Codec, MaxPcmSamples);
        }

        if (!updated.Sending)
        {
            marker = true;
        }

        parameters = updated;
        latch = newLatch;
    }

    /// <summary>One pacing-clock tick (20 ms).</summary>
    public void OnTick()
    {
        var ptime = parameters.PtimeMs is 20 or 40 or 60 ? parameters.PtimeMs : 20;
        var ticksPerPacket = ptime / 20;
        if (ticks++ % ticksPerPacket != 0)
        {
            return;
        }

        var clockSamples = parameters.Codec.ClockRate * ptime / 1000;
        if (!parameters.Sending || (IsUnroutable(parameters.RemoteEndPoint) && !latch.IsLatched))
        {
            // On hold: nothing sent, nothing taken from the playout buffer; time goes on.
            timestamp += (uint)clockSamples;
            lastSend = 0;
            return;
        }

        var payload = packet.AsSpan(RtpPacket.HeaderLength);
        int payloadLength;
        byte payloadType;
        uint packetTimestamp;
        bool packetMarker;
        if (parameters.TelephoneEventPayloadType is { } eventType && dtmf.NextPacket(timestamp, clockSamples, payload, out packetMarker))
        {
            payloadLength = TelephoneEvent.Length;
            payloadType = (byte)eventType;
            packetTimestamp = dtmf.EventTimestamp;
        }
        else
        {
            var samples = AudioFrame.SampleRate * ptime / 1000;
            var span = pcm.AsSpan(0, samples);
            var taken = playout.Take(span);
            span[taken..].Clear();
            payloadLength = encoder.Encode(span, payload);
            payloadType = (byte)parameters.Codec.PayloadType;
            packetTimestamp = timestamp;
            packetMarker = marker;
            marker = false;
        }

        RtpPacket.WriteHeader(packet, packetMarker, payloadType, sequence, packetTimestamp, Ssrc);
        Send(RtpPacket.HeaderLength + payloadLength);
        sequence++;
        timestamp += (uint)clockSamples;
    }

    /// <summary>c=0.0.0.0 (legacy hold, RFC 2543) or port 0: nowhere to send until the caller's packets show where.</summary>
    private static bool IsUnroutable(System.Net.IPEndPoint endPoint) =>
        endPoint.Port == 0 || endPoint.Address.Equals(System.Net.IPAddress.Any) || endPoint.Address.Equals(System.Net.IPAddress.IPv6Any);

    private void Send(int length)
    {
        try
        {
            socket.SendTo(packet.AsSpan(0, length), SocketFlags.None, latch.Destination);
        }
        catch (SocketException)
        {
            // Unreachable peer, full buffer: the packet is lost like any other; the next tick tries again.
            return;
        }
        catch (ObjectDisposedException)
        {
            return;
        }

        var now = Stopwatch.GetTimestamp();
        if (lastSend != 0)
        {
            metrics.SendInterval.Record((now - lastSend) * 1000.0 / Stopwatch.Frequency);
        }

        lastSend = now;
        metrics.PacketsOut.Add(1);
        PacketsSent++;
        OctetsSent += (uint)(length - RtpPacket.HeaderLength);
    }
}

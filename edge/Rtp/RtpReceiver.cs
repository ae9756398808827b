using System.Diagnostics;
using System.Net;
using System.Threading.Channels;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Rtp.Dtmf;
using VoiceConnector.Edge.Rtp.Rtcp;

namespace VoiceConnector.Edge.Rtp;

/// <summary>
/// The incoming half of a session: validates datagrams (symmetric-RTP latch, payload type, SSRC), feeds the jitter
/// buffer and the DTMF receiver, and on each clock tick plays the 20 ms frames that are due out of the jitter buffer
/// (decode, resample to 16 kHz, conceal losses) into the bounded caller-audio channel, one frame per 20 ms since
/// playout began.
/// </summary>
public sealed class RtpReceiver
{
    private const int FifoCapacity = 4096;
    private const int ConcealedPacketsBeforeSilence = 3;

    private static readonly long FrameTicks = Stopwatch.Frequency * AudioFrame.DurationMs / 1000;
    private static readonly long MaxBacklogTicks = 10 * FrameTicks;

    private readonly Lock gate = new();
    private readonly RtpMetrics metrics;
    private readonly ChannelWriter<AudioFrame> audio;
    private readonly ChannelWriter<DtmfDigit> dtmf;
    private readonly Action<DtmfDigit> reportDigit;
    private readonly byte[] payload = new byte[JitterBuffer.MaxPayload];
    private readonly short[] fifo = new short[FifoCapacity];
    private readonly short[] lastPacket = new short[FifoCapacity];
    private readonly RtpReceiveStatistics statistics = new();
    private SymmetricRtpLatch latch;
    private RtpSessionParameters parameters;
    private JitterBuffer jitter;
    private RtpAudioDecoder decoder;
    private DtmfReceiver dtmfReceiver;
    private bool hasSsrc;
    private uint ssrc;
    private int fifoCount;
    private int lastPacketLength;
    private int concealed;
    private long position;
    private long nextFrameDue;
    private uint candidateSsrc;
    private ushort candidateSequence;

    public RtpReceiver(RtpSessionParameters parameters, SymmetricRtpLatch latch, RtpMetrics metrics, ChannelWriter<AudioFrame> audio, ChannelWriter<DtmfDigit> dtmf)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        this.parameters = parameters;
        this.latch = latch;
        this.metrics = metrics;
        this.audio = audio;
        this.dtmf = dtmf;
        reportDigit = digit => this.dtmf.TryWrite(digit);
        jitter = new JitterBuffer(parameters.Codec.ClockRate);
        decoder = new RtpAudioDecoder(parameters.Codec, JitterBuffer.MaxPayload);
        dtmfReceiver = new DtmfReceiver(parameters.Codec.ClockRate);
    }

    /// <summary>Frames delivered to the caller-audio channel so far.</summary>
    public long FramesDelivered => position / AudioFrame.SampleCount;

    /// <summary>Applies re-negotiated parameters: a new codec restarts decoding, a new address re-latches.</summary>
    public void Update(RtpSessionParameters updated, SymmetricRtpLatch newLatch)
    {
        lock (gate)
        {
            if (updated.Codec != parameters.Codec)
            {
                jitter = new JitterBuffer(updated.Codec.ClockRate);
                decoder = new RtpAudioDecoder(updated.Codec, JitterBuffer.MaxPayload);
                dtmfReceiver = new DtmfReceiver(updated.Codec.ClockRate);
                hasSsrc = false;
            }

            parameters = updated;
            latch = newLatch;
        }
    }

    /// <summary>Handles one datagram from the receive loop. Never throws on bad input: it is counted and dropped.</summary>
    public void OnDatagram(ReadOnlySpan<byte> datagram, System.Net.SocketAddress source, long arrival)
    {
        if (!RtpPacket.TryParse(datagram, out var packet))
        {
            metrics.Invalid.Add(1);
            return;
        }

        var body = datagram.Slice(packet.PayloadOffset, packet.PayloadLength);
        lock (gate)
        {
            var isAudio = packet.PayloadType == parameters.Codec.PayloadType;
            var isEvent = packet.PayloadType == parameters.TelephoneEventPayloadType;
            if (!isAudio && !isEvent)
            {
                // Comfort noise (PT 13) is ignored quietly; any other payload type was not negotiated.
                if (packet.PayloadType != 13)
                {
                    metrics.Invalid.Add(1);
                }

                return;
            }

            if (!latch.Accept(source))
            {
                metrics.ThirdParty.Add(1);
                return;
            }

            metrics.PacketsIn.Add(1);
            statistics.Update(packet.Ssrc, packet.SequenceNumber, packet.Timestamp, ToUnits(arrival, parameters.Codec.ClockRate));
            if (isEvent)
            {
                dtmfReceiver.OnPacket(body, packet.Timestamp, ToUnits(arrival, 1000), reportDigit);
                return;
            }

            if (hasSsrc && packet.Ssrc != ssrc && !ConfirmNewSource(packet))
            {
                // A stray packet must not restart the stream: a new source needs two packets in sequence (RFC 3550 A.1).
                return;
            }

            if (!hasSsrc || packet.Ssrc != ssrc)
            {
                // A new audio source (the caller's device or a gateway switched streams): start afresh.
                if (hasSsrc)
                {
                    decoder = new RtpAudioDecoder(parameters.Codec, JitterBuffer.MaxPayload);
                }

                hasSsrc = true;
                ssrc = packet.Ssrc;
                jitter.Reset();
            }

            var result = jitter.Push(packet.SequenceNumber, packet.Timestamp, body, arrival);
            if (result is JitterPushResult.Late or JitterPushResult.Duplicate)
            {
                metrics.Late.Add(1);
            }
            else if (result == JitterPushResult.TooLarge)
            {
                metrics.Invalid.Add(1);
            }
        }
    }

    /// <summary>
    /// Clock tick: ends DTMF events whose end packets were lost, and delivers the frames that are due - decoded,
    /// or concealed and then silent while packets are missing (loss, a silent caller, hold).
    /// </summary>
    public void OnTick(long nowTimestamp)
    {
        DtmfDigit? timedOut;
        lock (gate)
        {
            timedOut = dtmfReceiver.OnTimer(ToUnits(nowTimestamp, 1000));
            PlayDueFrames(nowTimestamp);
        }

        if (timedOut is { } digit)
        {
            dtmf.TryWrite(digit);
        }
    }

    /// <summary>Delivers every frame due by <paramref name="now"/> (one per 20 ms since playout started).</summary>
    private void PlayDueFrames(long now)
    {
        if (nextFrameDue == 0)
        {
            nextFrameDue = now;
        }
        else if (now - nextFrameDue > MaxBacklogTicks)
        {
            // This thread was held up: skip the backlog rather than burst it out.
            nextFrameDue = now - FrameTicks;
        }

        while (nextFrameDue <= now)
        {
            while (fifoCount < AudioFrame.SampleCount && FillOnePacket())
            {
            }

            if (fifoCount < AudioFrame.SampleCount)
            {
                // Still filling the jitter buffer to its target depth: playout has not started.
                nextFrameDue = 0;
                return;
            }

            var frame = AudioFrame.Rent();
            fifo.AsSpan(0, AudioFrame.SampleCount).CopyTo(frame.Samples);
            fifo.AsSpan(AudioFrame.SampleCount, fifoCount - AudioFrame.SampleCount).CopyTo(fifo);
            fifoCount -= AudioFrame.SampleCount;
            frame.Timestamp = position;
            position += AudioFrame.SampleCount;
            nextFrameDue += FrameTicks;
            if (!audio.TryWrite(frame))
            {
                frame.Dispose();
            }
        }
    }

    /// <summary>RTCP report block about the caller's stream.</summary>
    public RtcpReportBlock? TakeReportBlock(uint lastSenderReport, uint delaySinceLastSenderReport)
    {
        lock (gate)
        {
            return statistics.TakeReportBlock(lastSenderReport, delaySinceLastSenderReport);
        }
    }

    private bool FillOnePacket()
    {
        var result = jitter.Pop(payload, out var length);
        if (result == JitterPopResult.Buffering)
        {
            return false;
        }

        var room = fifo.AsSpan(fifoCount);
        if (result == JitterPopResult.Packet && length > 0)
        {
            var n = decoder.Decode(payload.AsSpan(0, length), room);
            room[..n].CopyTo(lastPacket);
            lastPacketLength = n;
            concealed = 0;
            fifoCount += n;
            return true;
        }

        if (result == JitterPopResult.Lost)
        {
            metrics.Lost.Add(1);
        }

        // Concealment: repeat the last packet, halving each time, then silence.
        var count = lastPacketLength > 0 ? lastPacketLength : AudioFrame.SampleCount;
        concealed++;
        var shift = concealed;
        for (var i = 0; i < count; i++)
        {
            room[i] = concealed > ConcealedPacketsBeforeSilence ? (short)0 : (short)(lastPacket[i] >> shift);
        }

        fifoCount += count;
        return true;
    }

    private bool ConfirmNewSource(RtpPacket packet)
    {
        var confirmed = packet.Ssrc == candidateSsrc && packet.SequenceNumber == (ushort)(candidateSequence + 1);
        candidateSsrc = packet.Ssrc;
        candidateSequence = packet.SequenceNumber;
        return confirmed;
    }

    /// <summary>A <see cref="Stopwatch"/> timestamp in units of 1/<paramref name="perSecond"/> s, without overflow.</summary>
    private static long ToUnits(long timestamp, int perSecond) => (long)(timestamp * ((double)perSecond / Stopwatch.Frequency));

    /// <summary>The caller's latched source, once known.</summary>
    public IPEndPoint? LatchedSource => latch.LatchedEndPoint;
}

using System.Buffers.Binary;

namespace VoiceConnector.Edge.Rtp;

/// <summary>An RTP header (RFC 3550 §5.1) parsed from a datagram, with where its payload lies.</summary>
public readonly record struct RtpPacket(
    bool Marker,
    byte PayloadType,
    ushort SequenceNumber,
    uint Timestamp,
    uint Ssrc,
    int PayloadOffset,
    int PayloadLength)
{
    /// <summary>Fixed header length.</summary>
    public const int HeaderLength = 12;

    /// <summary>
    /// Validates and parses <paramref name="datagram"/>: version 2, CSRC list, header extension and padding must
    /// all fit. Never throws: false for anything malformed (and for RTCP multiplexed on the RTP port).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out RtpPacket packet)
    {
        packet = default;
        if (datagram.Length < HeaderLength || (datagram[0] >> 6) != 2)
        {
            return false;
        }

        var payloadType = (byte)(datagram[1] & 0x7F);
        if (payloadType is >= 72 and <= 76)
        {
            // RTCP SR/RR/SDES/BYE/APP (RFC 5761): not RTP.
            return false;
        }

        var offset = HeaderLength + (4 * (datagram[0] & 0x0F));
        if ((datagram[0] & 0x10) != 0)
        {
            if (offset + 4 > datagram.Length)
            {
                return false;
            }

            offset += 4 + (4 * BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]));
        }

        var end = datagram.Length;
        if ((datagram[0] & 0x20) != 0)
        {
            var padding = datagram[^1];
            if (padding == 0 || padding > end - offset)
            {
                return false;
            }

            end -= padding;
        }

        if (offset > end)
        {
            return false;
        }

        packet = new RtpPacket(
            (datagram[1] & 0x80) != 0,
            payloadType,
            BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]),
            offset,
            end - offset);
        return true;
    }

    /// <summary>Writes a 12-byte header (no CSRC, extension or padding); the payload follows at offset 12.</summary>
    public static void WriteHeader(Span<byte> destination, bool marker, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc)
    {
        destination[0] = 0x80;
        destination[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ssrc);
    }
}

using System.Buffers.Binary;

namespace VoiceConnector.Edge.Rtp.Rtcp;

/// <summary>Builds and parses compound RTCP packets (RFC 3550 §6): SR/RR with one report block, SDES CNAME, BYE.</summary>
public static class RtcpPacket
{
    public const byte SenderReportType = 200;
    public const byte ReceiverReportType = 201;
    public const byte SourceDescriptionType = 202;
    public const byte ByeType = 203;

    /// <summary>Writes an SR (when <paramref name="sender"/> is given) or RR, then SDES CNAME; returns the length.</summary>
    public static int WriteReport(
        Span<byte> destination, uint ssrc, (ulong Ntp, uint RtpTimestamp, uint Packets, uint Octets)? sender, RtcpReportBlock? block, ReadOnlySpan<byte> cname)
    {
        var blocks = block is null ? 0 : 1;
        var length = 8 + (sender is null ? 0 : 20) + (blocks * RtcpReportBlock.Length);
        WriteHeader(destination, blocks, sender is null ? ReceiverReportType : SenderReportType, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        var offset = 8;
        if (sender is { } info)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination[8..], info.Ntp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[16..], info.RtpTimestamp);
            BinaryPrimitives.WriteUInt32BigEndian(destination[20..], info.Packets);
            BinaryPrimitives.WriteUInt32BigEndian(destination[24..], info.Octets);
            offset = 28;
        }

        block?.Write(destination[offset..]);
        offset = length;

        // SDES: one chunk (SSRC, CNAME item, END), padded to a 32-bit boundary.
        var cnameLength = Math.Min(cname.Length, 255);
        var sdesLength = (8 + 2 + cnameLength + 1 + 3) & ~3;
        var sdes = destination.Slice(offset, sdesLength);
        sdes.Clear();
        WriteHeader(sdes, 1, SourceDescriptionType, sdesLength);
        BinaryPrimitives.WriteUInt32BigEndian(sdes[4..], ssrc);
        sdes[8] = 1;
        sdes[9] = (byte)cnameLength;
        cname[..cnameLength].CopyTo(sdes[10..]);
        return offset + sdesLength;
    }

    /// <summary>Appends a BYE for <paramref name="ssrc"/>; returns its length (8).</summary>
    public static int WriteBye(Span<byte> destination, uint ssrc)
    {
        WriteHeader(destination, 1, ByeType, 8);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ssrc);
        return 8;
    }

    /// <summary>Parses a compound packet; false (never an exception) when any part is malformed or no SR/RR leads it.</summary>
    public static bool TryParse(ReadOnlySpan<byte> datagram, out RtcpReport report)
    {
        report = default;
        var found = false;
        var bye = false;
        while (!datagram.IsEmpty)
        {
            if (datagram.Length < 4 || (datagram[0] >> 6) != 2)
            {
                return false;
            }

            var length = 4 * (BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]) + 1);
            if (length > datagram.Length)
            {
                return false;
            }

            var packet = datagram[..length];
            var count = packet[0] & 0x1F;
            var type = packet[1];
            if (!found && !TryParseReport(packet, type, count, out report))
            {
                return false;
            }

            found = true;
            bye |= type == ByeType;
            datagram = datagram[length..];
        }

        report = report with { Bye = bye };
        return found;
    }

    private static bool TryParseReport(ReadOnlySpan<byte> packet, byte type, int count, out RtcpReport report)
    {
        report = default;
        var senderInfo = type == SenderReportType ? 20 : 0;
        if ((type != SenderReportType && type != ReceiverReportType) || packet.Length < 8 + senderInfo + (count * RtcpReportBlock.Length))
        {
            return false;
        }

        var ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]);
        RtcpReportBlock? block = count > 0 ? RtcpReportBlock.Read(packet[(8 + senderInfo)..]) : null;
        report = senderInfo == 0
            ? new RtcpReport(ssrc, false, 0, 0, 0, 0, block, false)
            : new RtcpReport(
                ssrc,
                true,
                BinaryPrimitives.ReadUInt64BigEndian(packet[8..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[16..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[20..]),
                BinaryPrimitives.ReadUInt32BigEndian(packet[24..]),
                block,
                false);
        return true;
    }

    private static void WriteHeader(Span<byte> destination, int count, byte type, int length)
    {
        destination[0] = (byte)(0x80 | count);
        destination[1] = type;
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], (ushort)((length / 4) - 1));
    }
}

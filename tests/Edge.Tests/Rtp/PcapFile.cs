using System.Buffers.Binary;

namespace VoiceConnector.Edge.Tests.Rtp;

/// <summary>Reads the UDP payloads of a libpcap capture of Ethernet/IPv4 frames (the SIPp test vectors).</summary>
internal static class PcapFile
{
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Rtp", "Vectors", name);

    public static List<byte[]> UdpPayloads(string name)
    {
        var file = File.ReadAllBytes(PathOf(name));
        var littleEndian = BinaryPrimitives.ReadUInt32LittleEndian(file) == 0xA1B2C3D4;
        var linkType = Read32(file.AsSpan(20), littleEndian);
        Assert.Equal(1u, linkType);
        var payloads = new List<byte[]>();
        for (var offset = 24; offset + 16 <= file.Length;)
        {
            var captured = (int)Read32(file.AsSpan(offset + 8), littleEndian);
            var frame = file.AsSpan(offset + 16, captured);
            offset += 16 + captured;
            if (BinaryPrimitives.ReadUInt16BigEndian(frame[12..]) != 0x0800 || frame[23] != 17)
            {
                continue;
            }

            var udp = frame[(14 + ((frame[14] & 0x0F) * 4))..];
            var length = BinaryPrimitives.ReadUInt16BigEndian(udp[4..]);
            payloads.Add(udp[8..length].ToArray());
        }

        return payloads;
    }

    private static uint Read32(ReadOnlySpan<byte> data, bool littleEndian) =>
        littleEndian ? BinaryPrimitives.ReadUInt32LittleEndian(data) : BinaryPrimitives.ReadUInt32BigEndian(data);
}

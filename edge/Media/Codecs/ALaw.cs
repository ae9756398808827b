using System.Numerics;

namespace VoiceConnector.Edge.Media.Codecs;

/// <summary>G.711 A-law (PCMA), bit-exact to the ITU-T G.191 reference (16-bit linear in and out).</summary>
public static class ALaw
{
    /// <summary>The code of digital silence (linear 0).</summary>
    public const byte Silence = 0xD5;

    private static readonly short[] DecodeTable = BuildDecodeTable();

    /// <summary>Encodes one 16-bit sample.</summary>
    public static byte Encode(short sample)
    {
        // G.191: 12-bit magnitude (one's complement for negatives); segments 1..7 above 15.
        var magnitude = (sample < 0 ? ~sample : sample) >> 4;
        if (magnitude > 15)
        {
            var exponent = 28 - BitOperations.LeadingZeroCount((uint)magnitude);
            magnitude = (exponent << 4) | ((magnitude >> (exponent - 1)) & 15);
        }

        if (sample >= 0)
        {
            magnitude |= 0x80;
        }

        return (byte)(magnitude ^ 0x55);
    }

    /// <summary>Decodes one code to a 16-bit sample.</summary>
    public static short Decode(byte code) => DecodeTable[code];

    /// <summary>Encodes <paramref name="pcm"/> into <paramref name="dest"/> (one byte per sample); returns the byte count.</summary>
    public static int Encode(ReadOnlySpan<short> pcm, Span<byte> dest)
    {
        var output = dest[..pcm.Length];
        for (var i = 0; i < pcm.Length; i++)
        {
            output[i] = Encode(pcm[i]);
        }

        return pcm.Length;
    }

    /// <summary>Decodes <paramref name="codes"/> into <paramref name="dest"/>; returns the sample count.</summary>
    public static int Decode(ReadOnlySpan<byte> codes, Span<short> dest)
    {
        var output = dest[..codes.Length];
        var table = DecodeTable;
        for (var i = 0; i < codes.Length; i++)
        {
            output[i] = table[codes[i]];
        }

        return codes.Length;
    }

    private static short[] BuildDecodeTable()
    {
        var table = new short[256];
        for (var code = 0; code < 256; code++)
        {
            var value = (code ^ 0x55) & 0x7F;
            var exponent = value >> 4;
            var mantissa = value & 15;
            if (exponent > 0)
            {
                mantissa += 16;
            }

            mantissa = (mantissa << 4) + 8;
            if (exponent > 1)
            {
                mantissa <<= exponent - 1;
            }

            table[code] = (short)(code > 127 ? mantissa : -mantissa);
        }

        return table;
    }
}

using System.Numerics;

namespace VoiceConnector.Edge.Media.Codecs;

/// <summary>G.711 mu-law (PCMU), bit-exact to the ITU-T G.191 reference (16-bit linear in and out).</summary>
public static class MuLaw
{
    /// <summary>The code of digital silence (linear 0).</summary>
    public const byte Silence = 0xFF;

    private static readonly short[] DecodeTable = BuildDecodeTable();

    /// <summary>Encodes one 16-bit sample.</summary>
    public static byte Encode(short sample)
    {
        // G.191: 14-bit magnitude (one's complement for negatives), biased by 33, clipped to 13 bits.
        var magnitude = ((sample < 0 ? ~sample : sample) >> 2) + 33;
        if (magnitude > 0x1FFF)
        {
            magnitude = 0x1FFF;
        }

        // Segment 1..8: 1 + number of significant bits of (magnitude >> 6).
        var segment = 27 - BitOperations.LeadingZeroCount((uint)magnitude);
        var code = ((8 - segment) << 4) | (15 - ((magnitude >> segment) & 15));
        return (byte)(sample >= 0 ? code | 0x80 : code);
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
            var inverted = ~code;
            var exponent = (inverted >> 4) & 7;
            var mantissa = inverted & 15;
            var step = 4 << (exponent + 1);
            var magnitude = (0x80 << exponent) + (step * mantissa) + (step / 2) - (4 * 33);
            table[code] = (short)(code < 0x80 ? -magnitude : magnitude);
        }

        return table;
    }
}

namespace VoiceConnector.Edge.Media.Codecs;

/// <summary>ITU-T G.722 decoder at 64 kbit/s: one byte in, two 16 kHz samples out. Stateful: one instance per stream.</summary>
public sealed class G722Decoder
{
    private readonly G722Band low = new(32);
    private readonly G722Band high = new(8);
    private readonly G722QmfHistory qmf = new();

    /// <summary>Decodes <paramref name="codes"/>; returns the number of samples written (2 per byte).</summary>
    public int Decode(ReadOnlySpan<byte> codes, Span<short> dest)
    {
        var output = dest[..(codes.Length * 2)];
        for (var j = 0; j < codes.Length; j++)
        {
            var code = codes[j];
            var rLow = DecodeLow(code & 0x3F);
            var rHigh = DecodeHigh((code >> 6) & 3);

            // Receive QMF.
            var window = qmf.Push(rLow + rHigh, rLow - rHigh);
            var coefficients = G722Tables.Qmf;
            int out1 = 0, out2 = 0;
            for (var i = 0; i < 12; i++)
            {
                out2 += window[2 * i] * coefficients[i];
                out1 += window[(2 * i) + 1] * coefficients[11 - i];
            }

            output[2 * j] = (short)G722Tables.Saturate(out1 >> 11);
            output[(2 * j) + 1] = (short)G722Tables.Saturate(out2 >> 11);
        }

        return output.Length;
    }

    private int DecodeLow(int code)
    {
        // INVQBL (6-bit) for the output, RECONS, LIMIT.
        var rLow = Math.Clamp(low.S + ((low.Det * G722Tables.Qm6[code]) >> 15), -16384, 16383);

        // INVQAL (4-bit) feeds the predictor.
        var code4 = code >> 2;
        var dLow = (low.Det * G722Tables.Qm4[code4]) >> 15;
        low.AdaptLow(G722Tables.Rl42[code4]);
        low.Update(dLow);
        return rLow;
    }

    private int DecodeHigh(int code)
    {
        var dHigh = (high.Det * G722Tables.Qm2[code]) >> 15;
        var rHigh = Math.Clamp(dHigh + high.S, -16384, 16383);
        high.AdaptHigh(G722Tables.Rh2[code]);
        high.Update(dHigh);
        return rHigh;
    }
}

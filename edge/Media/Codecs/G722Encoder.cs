namespace VoiceConnector.Edge.Media.Codecs;

/// <summary>
/// ITU-T G.722 encoder at 64 kbit/s: 16 kHz 16-bit PCM in, one byte per two samples out. Stateful: one instance per
/// stream. (RTP quirk, RFC 3551: the RTP clock and SDP rate say 8000 although the audio is 16 kHz.)
/// </summary>
public sealed class G722Encoder
{
    private readonly G722Band low = new(32);
    private readonly G722Band high = new(8);
    private readonly G722QmfHistory qmf = new();

    /// <summary>Encodes an even number of samples; returns the number of bytes written (samples / 2).</summary>
    public int Encode(ReadOnlySpan<short> pcm, Span<byte> dest)
    {
        if ((pcm.Length & 1) != 0)
        {
            throw new ArgumentException("G.722 encodes pairs of samples.", nameof(pcm));
        }

        var output = dest[..(pcm.Length / 2)];
        for (var j = 0; j < output.Length; j++)
        {
            output[j] = EncodePair(pcm[2 * j], pcm[(2 * j) + 1]);
        }

        return output.Length;
    }

    private byte EncodePair(short first, short second)
    {
        // Transmit QMF: shift in two samples, split into low and high band.
        var window = qmf.Push(first, second);
        var coefficients = G722Tables.Qmf;
        int sumEven = 0, sumOdd = 0;
        for (var i = 0; i < 12; i++)
        {
            sumOdd += window[2 * i] * coefficients[i];
            sumEven += window[(2 * i) + 1] * coefficients[11 - i];
        }

        var xLow = (sumEven + sumOdd) >> 14;
        var xHigh = (sumEven - sumOdd) >> 14;
        return (byte)((EncodeHigh(xHigh) << 6) | EncodeLow(xLow));
    }

    private int EncodeLow(int xLow)
    {
        // SUBTRA, QUANTL
        var el = G722Tables.Saturate(xLow - low.S);
        var magnitude = el >= 0 ? el : -(el + 1);
        // The first decision level above the magnitude (levels 1..29 increase; 30 when above them all).
        var q6 = G722Tables.Q6;
        var det = low.Det;
        int lowest = 1, highest = 30;
        while (lowest < highest)
        {
            var middle = (lowest + highest) >> 1;
            if (magnitude < (q6[middle] * det) >> 12)
            {
                highest = middle;
            }
            else
            {
                lowest = middle + 1;
            }
        }

        var i = lowest;

        var code = el < 0 ? G722Tables.Iln[i] : G722Tables.Ilp[i];

        // INVQAL (4-bit) feeds the predictor.
        var code4 = code >> 2;
        var dLow = (low.Det * G722Tables.Qm4[code4]) >> 15;
        low.AdaptLow(G722Tables.Rl42[code4]);
        low.Update(dLow);
        return code;
    }

    private int EncodeHigh(int xHigh)
    {
        // SUBTRA, QUANTH
        var eh = G722Tables.Saturate(xHigh - high.S);
        var magnitude = eh >= 0 ? eh : -(eh + 1);
        var level = magnitude >= (564 * high.Det) >> 12 ? 2 : 1;
        var code = eh < 0 ? G722Tables.Ihn[level] : G722Tables.Ihp[level];

        // INVQAH
        var dHigh = (high.Det * G722Tables.Qm2[code]) >> 15;
        high.AdaptHigh(G722Tables.Rh2[code]);
        high.Update(dHigh);
        return code;
    }
}

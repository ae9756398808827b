namespace VoiceConnector.Edge.Media.Codecs;

/// <summary>State of one G.722 sub-band ADPCM: scale factor and the pole-zero adaptive predictor (block 4).</summary>
internal sealed class G722Band
{
    /// <summary>Zero-predictor coefficients b1..b6 (index 0 unused).</summary>
    private readonly int[] b = new int[7];

    /// <summary>Quantized difference signal history d0..d6.</summary>
    private readonly int[] d = new int[7];

    private int a1;
    private int a2;
    private int p1;
    private int p2;
    private int r1;
    private int r2;
    private int sz;

    public G722Band(int initialDet) => Det = initialDet;

    /// <summary>Predicted signal (s).</summary>
    public int S { get; private set; }

    /// <summary>Log scale factor (nb).</summary>
    public int Nb { get; private set; }

    /// <summary>Quantizer scale factor (det).</summary>
    public int Det { get; private set; }

    /// <summary>Block 4: reconstructs, adapts the pole and zero predictors, and predicts the next sample.</summary>
    public void Update(int dq)
    {
        var r0 = Saturate(S + dq);
        var p0 = Saturate(sz + dq);

        // UPPOL2
        var sg0 = p0 >> 15;
        var sg1 = p1 >> 15;
        var sg2 = p2 >> 15;
        var wd1 = Saturate(a1 << 2);
        var wd2 = sg0 == sg1 ? -wd1 : wd1;
        if (wd2 > 32767)
        {
            wd2 = 32767;
        }

        var wd3 = (wd2 >> 7) + (sg0 == sg2 ? 128 : -128) + ((a2 * 32512) >> 15);
        var ap2 = Math.Clamp(wd3, -12288, 12288);

        // UPPOL1
        var ap1 = Saturate((sg0 == sg1 ? 192 : -192) + ((a1 * 32640) >> 15));
        var limit = Saturate(15360 - ap2);
        ap1 = Math.Clamp(ap1, -limit, limit);

        // UPZERO with DELAYA: each b[i] adapts on the old d[i], then the history shifts (d[0] is the new dq).
        var b = this.b;
        var d = this.d;
        d[0] = dq;
        var step = dq == 0 ? 0 : 128;
        var sgd = dq >> 15;
        for (var i = 6; i > 0; i--)
        {
            b[i] = Saturate(((d[i] >> 15) == sgd ? step : -step) + ((b[i] * 32640) >> 15));
            d[i] = d[i - 1];
        }

        r2 = r1;
        r1 = r0;
        p2 = p1;
        p1 = p0;
        a1 = ap1;
        a2 = ap2;

        // FILTEP, FILTEZ, PREDIC
        var sp = Saturate(((a1 * Saturate(r1 + r1)) >> 15) + ((a2 * Saturate(r2 + r2)) >> 15));
        var zeros = 0;
        for (var i = 1; i < 7; i++)
        {
            zeros += (b[i] * Saturate(d[i] + d[i])) >> 15;
        }

        sz = Saturate(zeros);
        S = Saturate(sp + sz);
    }

    /// <summary>LOGSCL + SCALEL for the low band.</summary>
    public void AdaptLow(int wlIndex)
    {
        Nb = Math.Clamp(((Nb * 127) >> 7) + G722Tables.Wl[wlIndex], 0, 18432);
        Det = G722Tables.Scale(Nb, 8);
    }

    /// <summary>LOGSCH + SCALEH for the high band.</summary>
    public void AdaptHigh(int whIndex)
    {
        Nb = Math.Clamp(((Nb * 127) >> 7) + G722Tables.Wh[whIndex], 0, 22528);
        Det = G722Tables.Scale(Nb, 10);
    }

    private static int Saturate(int value) => Math.Clamp(value, short.MinValue, short.MaxValue);
}

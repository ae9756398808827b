namespace VoiceConnector.Edge.Media.Codecs;

/// <summary>State of one G.722 sub-band ADPCM: scale factor and the pole-zero adaptive predictor (block 4).</summary>
internal sealed class G722Band
{
    private readonly int[] a = new int[3];
    private readonly int[] ap = new int[3];
    private readonly int[] b = new int[7];
    private readonly int[] bp = new int[7];
    private readonly int[] d = new int[7];
    private readonly int[] p = new int[3];
    private readonly int[] r = new int[3];
    private readonly int[] sg = new int[7];
    private int sp;
    private int sz;

    public G722Band(int initialDet) => Det = initialDet;

    /// <summary>Predicted signal (s).</summary>
    public int S { get; private set; }

    /// <summary>Log scale factor (nb).</summary>
    public int Nb { get; set; }

    /// <summary>Quantizer scale factor (det).</summary>
    public int Det { get; set; }

    /// <summary>Block 4: reconstructs, adapts the pole and zero predictors, and predicts the next sample.</summary>
    public void Update(int dq)
    {
        d[0] = dq;
        r[0] = G722Tables.Saturate(S + dq);
        p[0] = G722Tables.Saturate(sz + dq);

        // UPPOL2
        for (var i = 0; i < 3; i++)
        {
            sg[i] = p[i] >> 15;
        }

        var wd1 = G722Tables.Saturate(a[1] << 2);
        var wd2 = sg[0] == sg[1] ? -wd1 : wd1;
        if (wd2 > 32767)
        {
            wd2 = 32767;
        }

        var wd3 = (wd2 >> 7) + (sg[0] == sg[2] ? 128 : -128);
        wd3 += (a[2] * 32512) >> 15;
        ap[2] = Math.Clamp(wd3, -12288, 12288);

        // UPPOL1
        sg[0] = p[0] >> 15;
        sg[1] = p[1] >> 15;
        wd1 = sg[0] == sg[1] ? 192 : -192;
        wd2 = (a[1] * 32640) >> 15;
        ap[1] = G722Tables.Saturate(wd1 + wd2);
        wd3 = G722Tables.Saturate(15360 - ap[2]);
        ap[1] = Math.Clamp(ap[1], -wd3, wd3);

        // UPZERO
        wd1 = dq == 0 ? 0 : 128;
        sg[0] = dq >> 15;
        for (var i = 1; i < 7; i++)
        {
            sg[i] = d[i] >> 15;
            wd2 = sg[i] == sg[0] ? wd1 : -wd1;
            wd3 = (b[i] * 32640) >> 15;
            bp[i] = G722Tables.Saturate(wd2 + wd3);
        }

        // DELAYA
        for (var i = 6; i > 0; i--)
        {
            d[i] = d[i - 1];
            b[i] = bp[i];
        }

        for (var i = 2; i > 0; i--)
        {
            r[i] = r[i - 1];
            p[i] = p[i - 1];
            a[i] = ap[i];
        }

        // FILTEP
        wd1 = G722Tables.Saturate(r[1] + r[1]);
        wd1 = (a[1] * wd1) >> 15;
        wd2 = G722Tables.Saturate(r[2] + r[2]);
        wd2 = (a[2] * wd2) >> 15;
        sp = G722Tables.Saturate(wd1 + wd2);

        // FILTEZ
        sz = 0;
        for (var i = 6; i > 0; i--)
        {
            wd1 = G722Tables.Saturate(d[i] + d[i]);
            sz += (b[i] * wd1) >> 15;
        }

        sz = G722Tables.Saturate(sz);

        // PREDIC
        S = G722Tables.Saturate(sp + sz);
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
}

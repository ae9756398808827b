namespace VoiceConnector.Edge.Rtp;

/// <summary>An audio codec as negotiated in SDP.</summary>
/// <param name="Name">Encoding name: "G722", "PCMU" or "PCMA".</param>
/// <param name="PayloadType">RTP payload type (0 PCMU, 8 PCMA, 9 G722 when static).</param>
/// <param name="ClockRate">RTP timestamp clock (8000 for all three: G.722's RFC 3551 quirk).</param>
/// <param name="SampleRate">Audio sample rate the codec carries (16000 for G.722, 8000 for G.711).</param>
public sealed record RtpCodec(string Name, int PayloadType, int ClockRate, int SampleRate)
{
    public static RtpCodec G722 { get; } = new("G722", 9, 8000, 16000);
    public static RtpCodec Pcmu { get; } = new("PCMU", 0, 8000, 8000);
    public static RtpCodec Pcma { get; } = new("PCMA", 8, 8000, 8000);

    /// <summary>G.722 (wideband, no resampling to the 16 kHz seam).</summary>
    public bool IsG722 => Name.Equals("G722", StringComparison.OrdinalIgnoreCase);

    /// <summary>G.711 A-law; the other G.711 is PCMU (mu-law).</summary>
    public bool IsALaw => Name.Equals("PCMA", StringComparison.OrdinalIgnoreCase);

    /// <summary>Throws unless the edge can encode and decode this codec (G722, PCMU, PCMA).</summary>
    public void EnsureSupported()
    {
        if (!IsG722 && !IsALaw && !Name.Equals("PCMU", StringComparison.OrdinalIgnoreCase))
        {
            throw new NotSupportedException($"Codec {Name} is not supported (G722, PCMU, PCMA).");
        }
    }
}

using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Media.Codecs;
using VoiceConnector.Edge.Media.Resampling;

namespace VoiceConnector.Edge.Rtp;

/// <summary>Incoming direction of one call: the negotiated codec's payload to 16 kHz PCM (resampling for G.711).</summary>
public sealed class RtpAudioDecoder
{
    private readonly G722Decoder? g722;
    private readonly Resampler? resampler;
    private readonly short[] narrowband;
    private readonly bool alaw;

    public RtpAudioDecoder(RtpCodec codec, int maxPayload)
    {
        ArgumentNullException.ThrowIfNull(codec);
        Codec = codec;
        codec.EnsureSupported();
        alaw = codec.IsALaw;
        if (codec.IsG722)
        {
            g722 = new G722Decoder();
            narrowband = [];
        }
        else
        {
            resampler = new Resampler(codec.SampleRate, AudioFrame.SampleRate);
            narrowband = new short[maxPayload];
        }
    }

    public RtpCodec Codec { get; }

    /// <summary>The most 16 kHz samples one payload of <paramref name="payloadLength"/> bytes decodes to.</summary>
    public int MaxOutputLength(int payloadLength) => g722 is not null ? payloadLength * 2 : resampler!.MaxOutputLength(payloadLength);

    /// <summary>Decodes one payload; returns the number of 16 kHz samples written.</summary>
    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm16k)
    {
        if (g722 is not null)
        {
            return g722.Decode(payload, pcm16k);
        }

        var count = alaw ? ALaw.Decode(payload, narrowband) : MuLaw.Decode(payload, narrowband);
        return resampler!.Process(narrowband.AsSpan(0, count), pcm16k);
    }
}

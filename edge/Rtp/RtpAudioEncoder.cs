using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Media.Codecs;
using VoiceConnector.Edge.Media.Resampling;

namespace VoiceConnector.Edge.Rtp;

/// <summary>Outgoing direction of one call: 16 kHz PCM to the negotiated codec's payload (resampling for G.711).</summary>
public sealed class RtpAudioEncoder
{
    private readonly G722Encoder? g722;
    private readonly Resampler? resampler;
    private readonly short[] narrowband;
    private readonly bool alaw;

    public RtpAudioEncoder(RtpCodec codec, int maxSamples)
    {
        ArgumentNullException.ThrowIfNull(codec);
        Codec = codec;
        codec.EnsureSupported();
        alaw = codec.IsALaw;
        if (codec.IsG722)
        {
            g722 = new G722Encoder();
            narrowband = [];
        }
        else
        {
            resampler = new Resampler(AudioFrame.SampleRate, codec.SampleRate);
            narrowband = new short[resampler.MaxOutputLength(maxSamples)];
        }
    }

    public RtpCodec Codec { get; }

    /// <summary>Encodes 16 kHz PCM; returns the payload length.</summary>
    public int Encode(ReadOnlySpan<short> pcm16k, Span<byte> payload)
    {
        if (g722 is not null)
        {
            return g722.Encode(pcm16k, payload);
        }

        var count = resampler!.Process(pcm16k, narrowband);
        return alaw ? ALaw.Encode(narrowband.AsSpan(0, count), payload) : MuLaw.Encode(narrowband.AsSpan(0, count), payload);
    }
}

using System.Buffers.Binary;

namespace VoiceConnector.Edge.Ai.Audio;

/// <summary>
/// RIFF/WAVE with 16-bit PCM (<c>WAVE_FORMAT_PCM</c> or <c>WAVE_FORMAT_EXTENSIBLE</c>): what Piper and flite produce
/// and what the Whisper servers accept. Multi-channel input is mixed down to mono.
/// </summary>
public static class WavCodec
{
    private const int HeaderBytes = 44;

    /// <summary>True when the bytes start like a RIFF/WAVE file.</summary>
    public static bool LooksLikeWav(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes.Slice(8, 4).SequenceEqual("WAVE"u8);

    /// <summary>A complete mono 16-bit WAV file.</summary>
    public static byte[] Encode(ReadOnlySpan<short> samples, int sampleRate)
    {
        var dataBytes = samples.Length * 2;
        var wav = new byte[HeaderBytes + dataBytes];
        var span = wav.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataBytes);
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(HeaderBytes + (i * 2))..], samples[i]);
        }

        return wav;
    }

    /// <summary>Parses a WAV file; a data chunk longer than the bytes present (a streamed header) is clamped.</summary>
    /// <exception cref="FormatException">Not RIFF/WAVE, not 16-bit PCM, or no data chunk.</exception>
    public static PcmAudio Decode(ReadOnlySpan<byte> wav)
    {
        if (!LooksLikeWav(wav))
        {
            throw new FormatException("not a RIFF/WAVE file");
        }

        int channels = 0, sampleRate = 0;
        var offset = 12;
        while (offset + 8 <= wav.Length)
        {
            var id = wav.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(wav[(offset + 4)..]);
            var body = wav[(offset + 8)..];
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body.Length < 16)
                {
                    throw new FormatException("truncated fmt chunk");
                }

                var format = BinaryPrimitives.ReadUInt16LittleEndian(body);
                channels = BinaryPrimitives.ReadUInt16LittleEndian(body[2..]);
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(body[4..]);
                var bits = BinaryPrimitives.ReadUInt16LittleEndian(body[14..]);
                if ((format != 1 && format != 0xFFFE) || bits != 16 || channels < 1 || sampleRate <= 0)
                {
                    throw new FormatException($"unsupported WAV format {format}, {bits} bits, {channels} channels, {sampleRate} Hz");
                }
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (channels == 0)
                {
                    throw new FormatException("data chunk before fmt chunk");
                }

                var length = (int)Math.Min(size, (uint)body.Length);
                return new PcmAudio(MixDown(body[..(length - (length % (2 * channels)))], channels), sampleRate);
            }

            offset += 8 + (int)Math.Min(size + (size & 1), int.MaxValue - 16);
        }

        throw new FormatException("no data chunk");
    }

    private static short[] MixDown(ReadOnlySpan<byte> data, int channels)
    {
        var frames = data.Length / (2 * channels);
        var samples = new short[frames];
        for (var i = 0; i < frames; i++)
        {
            var sum = 0;
            for (var c = 0; c < channels; c++)
            {
                sum += BinaryPrimitives.ReadInt16LittleEndian(data[(((i * channels) + c) * 2)..]);
            }

            samples[i] = (short)(sum / channels);
        }

        return samples;
    }
}

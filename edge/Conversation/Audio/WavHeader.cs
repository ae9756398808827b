using System.Buffers.Binary;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Conversation.Audio;

/// <summary>
/// The parts of a RIFF/WAVE header the pipeline needs: 16-bit PCM, its rate and channels, where the data starts. Parsed
/// incrementally from a TTS stream (the bytes may end anywhere); whole files are <see cref="WavFile"/>'s.
/// </summary>
/// <param name="SampleRate">Samples per second.</param>
/// <param name="Channels">Interleaved channels (the pipeline uses the first).</param>
/// <param name="DataOffset">Byte offset of the first sample.</param>
internal readonly record struct WavHeader(int SampleRate, int Channels, int DataOffset)
{
    /// <summary>
    /// Parses a header from the start of a WAV byte stream. False when more bytes are needed (<paramref name="invalid"/>
    /// false) or the bytes are not 16-bit PCM WAV (<paramref name="invalid"/> true).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> bytes, out WavHeader header, out bool invalid)
    {
        header = default;
        invalid = false;
        if (bytes.Length < 12)
        {
            return false;
        }

        if (!WavFile.LooksLikeWav(bytes))
        {
            invalid = true;
            return false;
        }

        var offset = 12;
        int rate = 0, channels = 0;
        while (offset + 8 <= bytes.Length)
        {
            var id = bytes.Slice(offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(offset + 4, 4));
            if (id.SequenceEqual("data"u8))
            {
                invalid = rate <= 0 || channels <= 0;
                header = new WavHeader(rate, channels, offset + 8);
                return !invalid;
            }

            if (size < 0 || offset + 8 + size > bytes.Length)
            {
                return false;
            }

            if (id.SequenceEqual("fmt "u8))
            {
                var fmt = bytes.Slice(offset + 8, size);
                if (size < 16 || BinaryPrimitives.ReadInt16LittleEndian(fmt[14..]) != 16)
                {
                    invalid = true;
                    return false;
                }

                channels = BinaryPrimitives.ReadInt16LittleEndian(fmt[2..]);
                rate = BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]);
            }

            offset += 8 + size + (size & 1);
        }

        return false;
    }
}

using System.Buffers.Binary;

namespace VoiceConnector.Edge.Media;

/// <summary>
/// Reads and writes RIFF/WAVE files of 16-bit PCM (<c>WAVE_FORMAT_PCM</c>, or <c>WAVE_FORMAT_EXTENSIBLE</c> with a PCM
/// sub-format) at any sample rate: what Piper and flite produce, what the Whisper servers accept, what baresip dumps.
/// Writes mono; reads mono, or any channel count mixed down to mono when asked. Errors are
/// <see cref="InvalidDataException"/>.
/// </summary>
public static class WavFile
{
    /// <summary>Size of the canonical header <see cref="WriteHeader"/> produces.</summary>
    public const int CanonicalHeaderSize = 44;

    private const ushort FormatPcm = 1;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>True when the bytes start like a RIFF/WAVE file.</summary>
    public static bool LooksLikeWav(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WAVE"u8);

    /// <summary>Writes the canonical 44-byte header of a mono 16-bit PCM file of <paramref name="sampleCount"/> samples.</summary>
    public static void WriteHeader(Span<byte> destination, int sampleRate, int sampleCount)
    {
        var dataBytes = sampleCount * 2;
        "RIFF"u8.CopyTo(destination);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(destination[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[20..], FormatPcm);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(destination[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(destination[28..], sampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[34..], 16);
        "data"u8.CopyTo(destination[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(destination[40..], dataBytes);
    }

    /// <summary>Writes <paramref name="samples"/> as a 16-bit mono PCM WAV file.</summary>
    public static void Write(Stream stream, ReadOnlySpan<short> samples, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        Span<byte> header = stackalloc byte[CanonicalHeaderSize];
        WriteHeader(header, sampleRate, samples.Length);
        stream.Write(header);
        Span<byte> buffer = stackalloc byte[4096];
        while (!samples.IsEmpty)
        {
            var n = Math.Min(samples.Length, buffer.Length / 2);
            WriteSamples(samples[..n], buffer);
            stream.Write(buffer[..(2 * n)]);
            samples = samples[n..];
        }
    }

    /// <summary>A complete 16-bit mono PCM WAV file in memory.</summary>
    public static byte[] Encode(ReadOnlySpan<short> samples, int sampleRate)
    {
        var file = new byte[CanonicalHeaderSize + (samples.Length * 2)];
        WriteHeader(file, sampleRate, samples.Length);
        WriteSamples(samples, file.AsSpan(CanonicalHeaderSize));
        return file;
    }

    /// <summary>Reads a 16-bit mono PCM WAV file; <see cref="InvalidDataException"/> for anything else.</summary>
    public static PcmAudio Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Parse(memory.GetBuffer().AsSpan(0, (int)memory.Length));
    }

    /// <summary>
    /// Parses a 16-bit PCM WAV file held in memory. A data chunk longer than the bytes present (a streamed header) is
    /// clamped to them. With <paramref name="mixDown"/> any channel count is averaged to mono; otherwise only mono is
    /// accepted.
    /// </summary>
    /// <exception cref="InvalidDataException">Not RIFF/WAVE, not 16-bit PCM (mono unless mixed down), or no data chunk.</exception>
    public static PcmAudio Parse(ReadOnlySpan<byte> file, bool mixDown = false)
    {
        if (!LooksLikeWav(file))
        {
            throw new InvalidDataException("Not a RIFF/WAVE file.");
        }

        (int Rate, int Channels)? format = null;
        var offset = 12;
        while (offset + 8 <= file.Length)
        {
            var id = file.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file[(offset + 4)..]);
            var body = file[(offset + 8)..];
            if (size > (uint)body.Length)
            {
                // Streaming writers leave the data size at 0xFFFFFFFF (or any too large value): take what is there.
                size = id.SequenceEqual("data"u8) ? (uint)body.Length : throw new InvalidDataException("Truncated WAV chunk.");
            }

            body = body[..(int)size];
            if (id.SequenceEqual("fmt "u8))
            {
                format = ReadFormat(body, mixDown);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format is not { } f)
                {
                    throw new InvalidDataException("WAV data before its fmt chunk.");
                }

                return new PcmAudio(MixDown(body, f.Channels), f.Rate);
            }

            offset += 8 + (int)size + (int)(size & 1);
        }

        throw new InvalidDataException("WAV file without a data chunk.");
    }

    private static void WriteSamples(ReadOnlySpan<short> samples, Span<byte> destination)
    {
        for (var i = 0; i < samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(destination[(2 * i)..], samples[i]);
        }
    }

    private static (int Rate, int Channels) ReadFormat(ReadOnlySpan<byte> fmt, bool mixDown)
    {
        if (fmt.Length < 16)
        {
            throw new InvalidDataException("WAV fmt chunk too short.");
        }

        var format = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        if (format == FormatExtensible && fmt.Length >= 26)
        {
            format = BinaryPrimitives.ReadUInt16LittleEndian(fmt[24..]);
        }

        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var rate = BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]);
        var bits = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (format != FormatPcm || (mixDown ? channels < 1 : channels != 1) || bits != 16 || rate <= 0)
        {
            var need = mixDown ? "16-bit PCM" : "16-bit mono PCM";
            throw new InvalidDataException($"Unsupported WAV format {format}, {channels} channel(s), {bits} bits, {rate} Hz: need {need}.");
        }

        return (rate, channels);
    }

    /// <summary>Averages the interleaved channels of whole frames; a trailing partial frame is dropped.</summary>
    private static short[] MixDown(ReadOnlySpan<byte> data, int channels)
    {
        var samples = new short[data.Length / (2 * channels)];
        for (var i = 0; i < samples.Length; i++)
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

using System.Buffers.Binary;

namespace VoiceConnector.Edge.Media;

/// <summary>Reads and writes RIFF/WAVE files of 16-bit PCM mono at any sample rate.</summary>
public static class WavFile
{
    private const ushort FormatPcm = 1;
    private const ushort FormatExtensible = 0xFFFE;

    /// <summary>Writes <paramref name="samples"/> as a 16-bit mono PCM WAV file.</summary>
    public static void Write(Stream stream, ReadOnlySpan<short> samples, int sampleRate)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sampleRate);
        var dataBytes = samples.Length * 2;
        Span<byte> header = stackalloc byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], 36 + dataBytes);
        "WAVEfmt "u8.CopyTo(header[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], FormatPcm);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], sampleRate * 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], dataBytes);
        stream.Write(header);
        Span<byte> buffer = stackalloc byte[4096];
        while (!samples.IsEmpty)
        {
            var n = Math.Min(samples.Length, buffer.Length / 2);
            for (var i = 0; i < n; i++)
            {
                BinaryPrimitives.WriteInt16LittleEndian(buffer[(2 * i)..], samples[i]);
            }

            stream.Write(buffer[..(2 * n)]);
            samples = samples[n..];
        }
    }

    /// <summary>Reads a 16-bit mono PCM WAV file; <see cref="InvalidDataException"/> for anything else.</summary>
    public static WavAudio Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return Parse(memory.GetBuffer().AsSpan(0, (int)memory.Length));
    }

    /// <summary>Parses a 16-bit mono PCM WAV file held in memory.</summary>
    public static WavAudio Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException("Not a RIFF/WAVE file.");
        }

        int? sampleRate = null;
        var offset = 12;
        while (offset + 8 <= file.Length)
        {
            var id = file.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file[(offset + 4)..]);
            var body = file[(offset + 8)..];
            if (size > (uint)body.Length)
            {
                // Streaming writers leave the data size at 0 or 0xFFFFFFFF: take what is there.
                size = id.SequenceEqual("data"u8) ? (uint)body.Length : throw new InvalidDataException("Truncated WAV chunk.");
            }

            body = body[..(int)size];
            if (id.SequenceEqual("fmt "u8))
            {
                sampleRate = ReadFormat(body);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (sampleRate is null)
                {
                    throw new InvalidDataException("WAV data before its fmt chunk.");
                }

                var samples = new short[body.Length / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(body[(2 * i)..]);
                }

                return new WavAudio(sampleRate.Value, samples);
            }

            offset += 8 + (int)size + (int)(size & 1);
        }

        throw new InvalidDataException("WAV file without a data chunk.");
    }

    private static int ReadFormat(ReadOnlySpan<byte> fmt)
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
        if (format != FormatPcm || channels != 1 || bits != 16 || rate <= 0)
        {
            throw new InvalidDataException($"Unsupported WAV format {format}, {channels} channel(s), {bits} bits, {rate} Hz: need 16-bit mono PCM.");
        }

        return rate;
    }
}

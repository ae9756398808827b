using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using VoiceConnector.Edge.Media.Resampling;

namespace VoiceConnector.Edge.Conversation.Audio;

/// <summary>
/// Turns the audio a text-to-speech client streams (WAV, or raw 16-bit PCM) into 16 kHz mono PCM for the
/// call-media seam, resampling when the voice has another rate. One instance per synthesized utterance.
/// </summary>
/// <remarks>
/// Accepted media types: <c>audio/wav</c> (also <c>audio/x-wav</c>, <c>audio/wave</c>; the header may be split over
/// updates), <c>audio/pcm;rate=N</c> (little-endian 16-bit mono) and <c>audio/L16;rate=N</c> (big-endian, RFC 2586).
/// Without a rate parameter raw PCM is taken as 16 kHz.
/// </remarks>
internal sealed class TtsAudioDecoder : IDisposable
{
    private const int TargetRate = 16_000;
    private readonly ArrayBufferWriter<byte> pending = new();
    private short[] output = ArrayPool<short>.Shared.Rent(4096);
    private short[] decoded = ArrayPool<short>.Shared.Rent(4096);
    private Resampler? resampler;
    private bool headerDone;
    private bool bigEndian;
    private int channels = 1;

    /// <summary>Decodes one piece of audio; the result is valid until the next call.</summary>
    /// <exception cref="InvalidDataException">The bytes are not audio this decoder understands.</exception>
    public ReadOnlyMemory<short> Decode(ReadOnlySpan<byte> bytes, string? mediaType)
    {
        if (!headerDone)
        {
            if (!Start(bytes, mediaType))
            {
                return ReadOnlyMemory<short>.Empty;
            }
        }
        else
        {
            pending.Write(bytes);
        }

        return DrainPending();
    }

    public void Dispose()
    {
        ArrayPool<short>.Shared.Return(output);
        ArrayPool<short>.Shared.Return(decoded);
        output = [];
        decoded = [];
    }

    private bool Start(ReadOnlySpan<byte> bytes, string? mediaType)
    {
        var type = (mediaType ?? "audio/wav").Trim();
        if (type.StartsWith("audio/pcm", StringComparison.OrdinalIgnoreCase) ||
            type.StartsWith("audio/l16", StringComparison.OrdinalIgnoreCase))
        {
            bigEndian = type.StartsWith("audio/l16", StringComparison.OrdinalIgnoreCase);
            resampler = ResamplerFor(RateParameter(type));
            headerDone = true;
            pending.Write(bytes);
            return true;
        }

        pending.Write(bytes);
        if (!WavHeader.TryParse(pending.WrittenSpan, out var header, out var invalid))
        {
            if (invalid || pending.WrittenCount > 65_536)
            {
                throw new InvalidDataException($"TTS audio of type '{type}' is not 16-bit PCM WAV.");
            }

            return false;
        }

        channels = header.Channels;
        resampler = ResamplerFor(header.SampleRate);
        headerDone = true;
        var rest = pending.WrittenSpan[header.DataOffset..].ToArray();
        pending.Clear();
        pending.Write(rest);
        return true;
    }

    private ReadOnlyMemory<short> DrainPending()
    {
        var frameBytes = 2 * channels;
        var bytes = pending.WrittenSpan;
        var samples = bytes.Length / frameBytes;
        if (samples == 0)
        {
            return ReadOnlyMemory<short>.Empty;
        }

        EnsureCapacity(ref decoded, samples);
        for (var i = 0; i < samples; i++)
        {
            var at = bytes.Slice(i * frameBytes, 2);
            decoded[i] = bigEndian ? BinaryPrimitives.ReadInt16BigEndian(at) : BinaryPrimitives.ReadInt16LittleEndian(at);
        }

        var leftover = bytes[(samples * frameBytes)..].ToArray();
        pending.Clear();
        pending.Write(leftover);

        if (resampler is null)
        {
            return decoded.AsMemory(0, samples);
        }

        EnsureCapacity(ref output, resampler.MaxOutputLength(samples));
        var written = resampler.Process(decoded.AsSpan(0, samples), output);
        return output.AsMemory(0, written);
    }

    /// <summary>The media layer's polyphase resampler to 16 kHz; none when the audio already is 16 kHz.</summary>
    private static Resampler? ResamplerFor(int rate) => rate == TargetRate ? null : new Resampler(rate, TargetRate);

    private static void EnsureCapacity(ref short[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            ArrayPool<short>.Shared.Return(buffer);
            buffer = ArrayPool<short>.Shared.Rent(length);
        }
    }

    private static int RateParameter(string mediaType)
    {
        foreach (var part in mediaType.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith("rate=", StringComparison.OrdinalIgnoreCase) &&
                int.TryParse(part.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out var rate) && rate > 0)
            {
                return rate;
            }
        }

        return TargetRate;
    }
}

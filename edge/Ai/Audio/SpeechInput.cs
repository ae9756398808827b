using Microsoft.Extensions.AI;
using VoiceConnector.Edge.Media;

// MEAI001: the speech-to-text abstractions are [Experimental] in Microsoft.Extensions.AI 10.11; we adopt them on purpose.
#pragma warning disable MEAI001

namespace VoiceConnector.Edge.Ai.Audio;

/// <summary>
/// What the speech-to-text clients accept: a WAV file, or raw 16-bit little-endian mono PCM at
/// <see cref="SpeechToTextOptions.SpeechSampleRate"/> (16000 Hz when not given).
/// </summary>
public static class SpeechInput
{
    public const int DefaultSampleRate = 16000;

    public static async Task<PcmAudio> ReadAsync(Stream audio, SpeechToTextOptions? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audio);
        using var buffer = new MemoryStream();
        await audio.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (WavFile.LooksLikeWav(bytes))
        {
            return WavFile.Parse(bytes, mixDown: true);
        }

        var samples = new short[bytes.Length / 2];
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(bytes[..(samples.Length * 2)]).CopyTo(samples);
        return new PcmAudio(samples, options?.SpeechSampleRate ?? DefaultSampleRate);
    }
}

using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace VoiceConnector.Edge.Benchmarks.Conversation;

#pragma warning disable MEAI001 // ITextToSpeechClient is [Experimental] in Microsoft.Extensions.AI.Abstractions 10.11.

/// <summary>A synthesizer that answers at once: a 16 kHz WAV of a quiet tone, <see cref="MsPerWord"/> per word.</summary>
internal sealed class InstantTextToSpeech(int msPerWord) : ITextToSpeechClient
{
    public int MsPerWord { get; } = msPerWord;

    public Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromResult(new TextToSpeechResponse([new DataContent(Wav(text), "audio/wav")]));

    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield return new TextToSpeechResponseUpdate([new DataContent(Wav(text), "audio/wav")]);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private byte[] Wav(string text)
    {
        var samples = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length * MsPerWord * 16;
        var wav = new byte[44 + (samples * 2)];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), wav.Length - 8);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), 16_000);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), 32_000);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), samples * 2);
        for (var i = 0; i < samples; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (i * 2)), (short)(300 * Math.Sin(i * 0.2)));
        }

        return wav;
    }
}

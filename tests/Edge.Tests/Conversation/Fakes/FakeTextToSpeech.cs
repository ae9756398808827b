using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace VoiceConnector.Edge.Tests.Conversation.Fakes;

#pragma warning disable MEAI001 // ITextToSpeechClient is [Experimental] in Microsoft.Extensions.AI.Abstractions 10.11.

/// <summary>
/// Synthesizes <see cref="MsPerWord"/> of audio per word, as a WAV at <see cref="SampleRate"/> streamed in pieces,
/// every sample carrying the id of the text (quiet, below the VAD threshold). <see cref="Heard"/> maps played audio
/// back to texts, so tests can assert what the caller heard.
/// </summary>
internal sealed class FakeTextToSpeech : ITextToSpeechClient
{
    private readonly List<string> texts = [];

    public int SampleRate { get; init; } = 16_000;

    public int MsPerWord { get; init; } = 200;

    /// <summary>When set, every request fails (a dead TTS).</summary>
    public bool Down { get; set; }

    /// <summary>Requests that fail before any succeeds.</summary>
    public int FailuresLeft { get; set; }

    /// <summary>Texts requested, in order (rendered prompts included).</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Called before each streaming request is answered (lets a test observe ordering).</summary>
    public Action<string>? OnRequest { get; set; }

    public Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        Check(text);
        var wav = Wav(text);
        return Task.FromResult(new TextToSpeechResponse([new DataContent(wav, "audio/wav")]));
    }

    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Check(text);
        OnRequest?.Invoke(text);
        var wav = Wav(text);

        // Pieces of odd sizes, the first splitting the header, as a real stream may.
        var offsets = new[] { 0, 30, 1001 };
        for (var i = 0; i < offsets.Length; i++)
        {
            var end = i + 1 < offsets.Length ? offsets[i + 1] : wav.Length;
            if (offsets[i] >= wav.Length)
            {
                break;
            }

            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return new TextToSpeechResponseUpdate([new DataContent(wav.AsMemory(offsets[i], Math.Min(end, wav.Length) - offsets[i]), "audio/wav")]);
        }
    }

    /// <summary>Splits played audio into the texts it carries and how many of its samples (at 16 kHz) were played.</summary>
    public List<(string Text, int Samples)> Heard(short[] audio)
    {
        var result = new List<(string, int)>();
        var i = 0;
        while (i < audio.Length)
        {
            var value = audio[i];
            var start = i;
            while (i < audio.Length && audio[i] == value)
            {
                i++;
            }

            lock (texts)
            {
                var id = value - 100;
                result.Add((id >= 0 && id < texts.Count ? texts[id] : "?", i - start));
            }
        }

        return result;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }

    private void Check(string text)
    {
        lock (Requests)
        {
            Requests.Add(text);
        }

        if (Down)
        {
            throw new HttpRequestException("TTS endpoint unavailable");
        }

        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new HttpRequestException("TTS endpoint failed");
        }
    }

    private byte[] Wav(string text)
    {
        short id;
        lock (texts)
        {
            texts.Add(text);
            id = (short)(100 + texts.Count - 1);
        }

        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var samples = words * MsPerWord * SampleRate / 1000;
        var wav = new byte[44 + (samples * 2)];
        "RIFF"u8.CopyTo(wav);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(4), wav.Length - 8);
        "WAVEfmt "u8.CopyTo(wav.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(24), SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), SampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(34), 16);
        "data"u8.CopyTo(wav.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), samples * 2);
        for (var s = 0; s < samples; s++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(44 + (s * 2)), id);
        }

        return wav;
    }
}

using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace VoiceConnector.Edge.Tests.Conversation.Fakes;

#pragma warning disable MEAI001 // ISpeechToTextClient is [Experimental] in Microsoft.Extensions.AI.Abstractions 10.11.

/// <summary>
/// Transcribes the fake caller's audio: reads the WAV it is given, finds the loud sample value the caller "said"
/// and maps it to words with <see cref="Words"/>. Values without words transcribe to nothing (noise).
/// </summary>
internal sealed class FakeSpeechToText : ISpeechToTextClient
{
    public Dictionary<short, string> Words { get; } = [];

    /// <summary>Requests that fail before any succeeds (simulates a dead or flaky endpoint).</summary>
    public int FailuresLeft { get; set; }

    public List<int> ReceivedSampleCounts { get; } = [];

    public async Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var copy = new MemoryStream();
        await audioSpeechStream.CopyToAsync(copy, cancellationToken);
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new HttpRequestException("STT endpoint unavailable");
        }

        var bytes = copy.ToArray();
        Assert.Equal("RIFF"u8.ToArray(), bytes[..4]);
        Assert.Equal(16_000, BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(24)));
        var samples = (bytes.Length - 44) / 2;
        lock (ReceivedSampleCounts)
        {
            ReceivedSampleCounts.Add(samples);
        }

        for (var i = 0; i < samples; i++)
        {
            var value = BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan(44 + (i * 2)));
            if (Math.Abs((int)value) >= FakeVoiceActivityDetector.Threshold)
            {
                return new SpeechToTextResponse(Words.TryGetValue(value, out var text) ? text : "");
            }
        }

        return new SpeechToTextResponse("");
    }

    public async IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetTextAsync(audioSpeechStream, options, cancellationToken);
        yield return new SpeechToTextResponseUpdate(response.Text);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

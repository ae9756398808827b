using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace VoiceConnector.Edge.Benchmarks.Conversation;

#pragma warning disable MEAI001 // ISpeechToTextClient is [Experimental] in Microsoft.Extensions.AI.Abstractions 10.11.

/// <summary>A recognizer that answers at once with fixed words (reads the audio it is given, like a real one).</summary>
internal sealed class InstantSpeechToText(string words) : ISpeechToTextClient
{
    public async Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        await audioSpeechStream.CopyToAsync(Stream.Null, cancellationToken);
        return new SpeechToTextResponse(words);
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

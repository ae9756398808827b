using Microsoft.Extensions.AI;

namespace VoiceConnector.Edge.Tests.Conversation.EndToEnd;

#pragma warning disable MEAI001 // ISpeechToTextClient is [Experimental] in Microsoft.Extensions.AI.Abstractions 10.11.

/// <summary>The real speech-to-text engine, behind a switch that makes every request fail like a dead endpoint.</summary>
internal sealed class FailingSpeechToText(ISpeechToTextClient engine) : DelegatingSpeechToTextClient(engine)
{
    private volatile bool dead;

    /// <summary>The engine itself (the test's own transcriptions bypass the switch).</summary>
    public ISpeechToTextClient Engine => InnerClient;

    public bool Dead
    {
        get => dead;
        set => dead = value;
    }

    public override Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default) =>
        dead ? throw new HttpRequestException("connection refused (the STT endpoint is down)") : base.GetTextAsync(audioSpeechStream, options, cancellationToken);
}

using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace VoiceConnector.Edge.Tests.Conversation.Fakes;

/// <summary>
/// A scripted model: <see cref="Reply"/> picks the answer from the conversation so far; the answer is streamed as the
/// given pieces (text, or tool calls). Records the messages of every request and can fail or pause on demand.
/// </summary>
internal sealed class FakeChatClient : IChatClient
{
    /// <summary>Chooses the streamed pieces (string or FunctionCallContent) for the messages of a request.</summary>
    public Func<IReadOnlyList<ChatMessage>, IReadOnlyList<object>> Reply { get; set; } = _ => ["Okay."];

    /// <summary>Requests that fail before streaming anything.</summary>
    public int FailuresLeft { get; set; }

    /// <summary>When set, the stream waits on this after its first piece (a slow model).</summary>
    public TaskCompletionSource? PauseAfterFirstPiece { get; set; }

    /// <summary>Throws after this many pieces (a stream that dies halfway); 0 means never.</summary>
    public int FailAfterPieces { get; set; }

    public List<List<ChatMessage>> Requests { get; } = [];

    public List<ChatOptions?> Options { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var snapshot = messages.Select(m => m.Clone()).ToList();
        lock (Requests)
        {
            Requests.Add(snapshot);
            Options.Add(options);
        }

        await Task.Yield();
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            throw new HttpRequestException("LLM endpoint unavailable");
        }

        var count = 0;
        foreach (var piece in Reply(snapshot))
        {
            if (FailAfterPieces > 0 && count == FailAfterPieces)
            {
                throw new HttpRequestException("LLM stream broke");
            }

            yield return piece is AIContent content
                ? new ChatResponseUpdate(ChatRole.Assistant, [content])
                : new ChatResponseUpdate(ChatRole.Assistant, (string)piece);
            count++;
            if (count == 1 && PauseAfterFirstPiece is { } pause)
            {
                await pause.Task.WaitAsync(cancellationToken);
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}

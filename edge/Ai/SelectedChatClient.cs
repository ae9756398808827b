using Microsoft.Extensions.AI;

namespace VoiceConnector.Edge.Ai;

/// <summary>The registered <see cref="IChatClient"/>: forwards each call to <see cref="ChatClientSelector.Current"/>.</summary>
public sealed class SelectedChatClient(ChatClientSelector selector) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        selector.Current.GetResponseAsync(messages, options, cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        selector.Current.GetStreamingResponseAsync(messages, options, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        selector.Current.GetService(serviceType, serviceKey);

    public void Dispose()
    {
        // The selected clients are singletons owned by the container.
    }
}

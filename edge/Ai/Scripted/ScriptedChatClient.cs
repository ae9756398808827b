using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace VoiceConnector.Edge.Ai.Scripted;

/// <summary>
/// Not a language model: a configured script behind <see cref="IChatClient"/>, the local default when no Ollama
/// answers. Greets when the caller has not spoken yet, matches the caller's last words against keyword intents,
/// replies with the intent's text (streamed word by word) and calls the intent's tool when the request offers that
/// tool; otherwise the fallback reply. After a tool result it says nothing more. Stateless and thread-safe.
/// </summary>
public sealed class ScriptedChatClient(IOptions<ScriptedChatOptions> options) : IChatClient
{
    public const string ModelId = "scripted";
    private static readonly ChatClientMetadata Metadata = new("scripted", null, ModelId);

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var script = Script;
        var (reply, intent) = Choose(messages.ToList(), script);
        var responseId = "scripted-" + Guid.NewGuid().ToString("N")[..12];
        var words = reply.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (i > 0 && script.ChunkDelay > TimeSpan.Zero)
            {
                await Task.Delay(script.ChunkDelay, cancellationToken);
            }

            yield return Update(responseId, new TextContent(i == 0 ? words[i] : " " + words[i]));
        }

        var final = Update(responseId, null);
        final.FinishReason = ChatFinishReason.Stop;
        if (intent?.Tool is { Length: > 0 } tool && Offers(options, tool))
        {
            var arguments = intent.ToolArguments.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
            final.Contents.Add(new FunctionCallContent($"{responseId}-call-0", tool, arguments));
            final.FinishReason = ChatFinishReason.ToolCalls;
        }

        yield return final;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? Metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // Nothing held.
    }

    private ScriptedChatOptions Script => options.Value;

    private static (string Reply, ScriptedIntent? Intent) Choose(List<ChatMessage> messages, ScriptedChatOptions script)
    {
        var last = messages.LastOrDefault(m => m.Role != ChatRole.System);
        if (last is null)
        {
            return (script.Greeting, null);
        }

        if (last.Role == ChatRole.Tool || last.Role == ChatRole.Assistant)
        {
            return ("", null);
        }

        var said = Normalise(last.Text);
        foreach (var intent in script.EffectiveIntents)
        {
            foreach (var keyword in intent.Keywords)
            {
                var key = Normalise(keyword);
                if (key.Length > 2 && said.Contains(key, StringComparison.Ordinal))
                {
                    return (intent.Reply, intent);
                }
            }
        }

        return (script.FallbackReply, null);
    }

    /// <summary>Lower case, letters/digits/apostrophes only, single spaces, padded with a space each side.</summary>
    private static string Normalise(string text)
    {
        var result = new StringBuilder(text.Length + 2).Append(' ');
        foreach (var c in text.ToLowerInvariant())
        {
            var keep = char.IsLetterOrDigit(c) || c == '\'';
            if (keep)
            {
                result.Append(c);
            }
            else if (result[^1] != ' ')
            {
                result.Append(' ');
            }
        }

        if (result[^1] != ' ')
        {
            result.Append(' ');
        }

        return result.ToString();
    }

    private static bool Offers(ChatOptions? options, string tool) =>
        options?.Tools?.Any(t => string.Equals(t.Name, tool, StringComparison.Ordinal)) == true;

    private static ChatResponseUpdate Update(string responseId, AIContent? content)
    {
        var update = new ChatResponseUpdate { Role = ChatRole.Assistant, ResponseId = responseId, MessageId = responseId, ModelId = ModelId };
        if (content is not null)
        {
            update.Contents.Add(content);
        }

        return update;
    }
}

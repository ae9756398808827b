using Microsoft.Extensions.AI;

namespace VoiceConnector.Edge.Conversation.History;

/// <summary>
/// The chat history the model sees: the system prompt, then user and assistant messages. Assistant messages hold
/// only what the caller heard; consecutive caller utterances without a reply in between are merged.
/// </summary>
internal sealed class ConversationHistory
{
    private const int MaxMessages = 64;
    private readonly List<ChatMessage> messages = [];

    public ConversationHistory(string systemPrompt)
    {
        if (!string.IsNullOrWhiteSpace(systemPrompt))
        {
            messages.Add(new ChatMessage(ChatRole.System, systemPrompt));
        }
    }

    public IReadOnlyList<ChatMessage> Messages => messages;

    /// <summary>Adds what the caller said (or did), merged into the last message when that is the caller's too.</summary>
    public void AddUser(string text)
    {
        if (messages.Count > 0 && messages[^1].Role == ChatRole.User)
        {
            var last = messages[^1];
            messages[^1] = new ChatMessage(ChatRole.User, last.Text + " " + text);
            return;
        }

        Add(new ChatMessage(ChatRole.User, text));
    }

    /// <summary>Adds what the agent said; appended to the last message when that is the agent's too (a resumed reply).</summary>
    public void AddAssistant(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        if (messages.Count > 0 && messages[^1].Role == ChatRole.Assistant && messages[^1].Contents.All(c => c is TextContent))
        {
            messages[^1] = new ChatMessage(ChatRole.Assistant, messages[^1].Text + " " + text);
            return;
        }

        Add(new ChatMessage(ChatRole.Assistant, text));
    }

    /// <summary>Adds an assistant turn that called tools, and the tools' results.</summary>
    public void AddToolRound(string spokenText, IReadOnlyList<FunctionCallContent> calls, IReadOnlyList<FunctionResultContent> results)
    {
        var contents = new List<AIContent>();
        if (!string.IsNullOrWhiteSpace(spokenText))
        {
            contents.Add(new TextContent(spokenText));
        }

        contents.AddRange(calls);
        Add(new ChatMessage(ChatRole.Assistant, contents));
        Add(new ChatMessage(ChatRole.Tool, [.. results]));
    }

    private void Add(ChatMessage message)
    {
        messages.Add(message);

        // Long calls: keep the system prompt and the most recent messages.
        var first = messages[0].Role == ChatRole.System ? 1 : 0;
        while (messages.Count > MaxMessages)
        {
            messages.RemoveAt(first);
            while (messages.Count > first && messages[first].Role == ChatRole.Tool)
            {
                messages.RemoveAt(first);
            }
        }
    }
}

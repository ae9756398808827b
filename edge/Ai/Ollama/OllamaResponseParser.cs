using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;

namespace VoiceConnector.Edge.Ai.Ollama;

/// <summary>
/// Turns the objects of an <c>/api/chat</c> answer (NDJSON lines, or the single non-streamed object) into updates.
/// One instance per response: it numbers tool calls and remembers whether the model called any.
/// </summary>
internal sealed class OllamaResponseParser(string responseId)
{
    private int _toolCalls;

    /// <summary>True once the object with <c>"done": true</c> was parsed.</summary>
    public bool Done { get; private set; }

    /// <exception cref="AiServiceException">Malformed JSON, or an <c>{"error": ...}</c> object (an error mid-stream).</exception>
    public ChatResponseUpdate Parse(string line)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new AiServiceException("ollama", $"malformed response line: {Truncate(line)}", null, e);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new AiServiceException("ollama", $"response line is not an object: {Truncate(line)}");
            }

            if (root.TryGetProperty("error", out var error))
            {
                throw new AiServiceException("ollama", $"model error: {(error.ValueKind == JsonValueKind.String ? error.GetString() : error.GetRawText())}");
            }

            var update = new ChatResponseUpdate
            {
                Role = ChatRole.Assistant,
                ResponseId = responseId,
                MessageId = responseId,
                ModelId = root.TryGetProperty("model", out var model) ? model.GetString() : null,
                CreatedAt = root.TryGetProperty("created_at", out var created)
                    && DateTimeOffset.TryParse(created.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : null,
            };

            if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object)
            {
                AddMessageContents(message, update.Contents);
            }

            if (root.TryGetProperty("done", out var done) && done.ValueKind == JsonValueKind.True)
            {
                Done = true;
                update.FinishReason = FinishReason(root);
                if (Usage(root) is { } usage)
                {
                    update.Contents.Add(new UsageContent(usage));
                }
            }

            return update;
        }
    }

    private void AddMessageContents(JsonElement message, IList<AIContent> contents)
    {
        if (message.TryGetProperty("thinking", out var thinking) && thinking.GetString() is { Length: > 0 } thought)
        {
            contents.Add(new TextReasoningContent(thought));
        }

        if (message.TryGetProperty("content", out var content) && content.GetString() is { Length: > 0 } text)
        {
            contents.Add(new TextContent(text));
        }

        if (message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
        {
            foreach (var call in calls.EnumerateArray())
            {
                if (!call.TryGetProperty("function", out var function) || !function.TryGetProperty("name", out var name))
                {
                    throw new AiServiceException("ollama", $"tool call without function name: {call.GetRawText()}");
                }

                var callId = call.TryGetProperty("id", out var id) && id.GetString() is { Length: > 0 } given
                    ? given
                    : $"{responseId}-call-{_toolCalls}";
                _toolCalls++;
                contents.Add(new FunctionCallContent(callId, name.GetString()!, Arguments(function)));
            }
        }
    }

    private static Dictionary<string, object?> Arguments(JsonElement function)
    {
        var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (!function.TryGetProperty("arguments", out var args))
        {
            return arguments;
        }

        // The spec says an object; tolerate a JSON string holding one (the OpenAI convention).
        if (args.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var inner = JsonDocument.Parse(args.GetString()!);
                return Arguments(inner.RootElement);
            }
            catch (JsonException e)
            {
                throw new AiServiceException("ollama", $"tool call arguments are not JSON: {Truncate(args.GetString()!)}", null, e);
            }
        }

        if (args.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in args.EnumerateObject())
            {
                arguments[property.Name] = property.Value.Clone();
            }
        }

        return arguments;

        static Dictionary<string, object?> Arguments(JsonElement element) =>
            element.ValueKind == JsonValueKind.Object
                ? element.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone(), StringComparer.Ordinal)
                : throw new AiServiceException("ollama", "tool call arguments are not an object");
    }

    private ChatFinishReason? FinishReason(JsonElement root)
    {
        if (_toolCalls > 0)
        {
            return ChatFinishReason.ToolCalls;
        }

        var reason = root.TryGetProperty("done_reason", out var value) ? value.GetString() : null;
        return reason switch
        {
            "length" => ChatFinishReason.Length,
            null or "stop" or "load" or "unload" => ChatFinishReason.Stop,
            _ => new ChatFinishReason(reason),
        };
    }

    private static UsageDetails? Usage(JsonElement root)
    {
        var input = root.TryGetProperty("prompt_eval_count", out var p) && p.TryGetInt64(out var pi) ? pi : (long?)null;
        var output = root.TryGetProperty("eval_count", out var e) && e.TryGetInt64(out var ei) ? ei : (long?)null;
        return input is null && output is null
            ? null
            : new UsageDetails { InputTokenCount = input, OutputTokenCount = output, TotalTokenCount = (input ?? 0) + (output ?? 0) };
    }

    private static string Truncate(string text) => text.Length > 200 ? text[..200] + "..." : text;
}

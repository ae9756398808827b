using System.Text.Json;
using Microsoft.Extensions.AI;

namespace VoiceConnector.Edge.Ai.Ollama;

/// <summary>Writes the JSON body of <c>POST /api/chat</c> (spec: ai_services.md section 1.1).</summary>
internal static class OllamaRequestWriter
{
    private static readonly HashSet<string> TopLevelKeys = ["keep_alive", "think", "format"];

    public static byte[] Write(IEnumerable<ChatMessage> messages, ChatOptions? options, OllamaOptions settings, bool stream)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("model", string.IsNullOrEmpty(options?.ModelId) ? settings.Model : options.ModelId);
            WriteMessages(json, messages);
            json.WriteBoolean("stream", stream);
            var extra = options?.AdditionalProperties;
            WriteValue(json, "keep_alive", extra is not null && extra.TryGetValue("keep_alive", out var keepAlive) ? keepAlive : settings.KeepAlive);
            if (extra is not null && extra.TryGetValue("think", out var think))
            {
                WriteValue(json, "think", think);
            }

            if (options?.ResponseFormat is ChatResponseFormatJson format)
            {
                json.WritePropertyName("format");
                if (format.Schema is { } schema)
                {
                    schema.WriteTo(json);
                }
                else
                {
                    json.WriteStringValue("json");
                }
            }

            if (options?.Tools is { Count: > 0 } tools)
            {
                WriteTools(json, tools);
            }

            if (options is not null)
            {
                WriteModelOptions(json, options);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The preload request: no messages, only the model and how long to keep it.</summary>
    public static byte[] WriteLoad(OllamaOptions settings) =>
        JsonSerializer.SerializeToUtf8Bytes(
            new Dictionary<string, object> { ["model"] = settings.Model, ["messages"] = Array.Empty<object>(), ["keep_alive"] = settings.KeepAlive },
            AIJsonUtilities.DefaultOptions);

    private static void WriteMessages(Utf8JsonWriter json, IEnumerable<ChatMessage> messages)
    {
        var toolNames = new Dictionary<string, string>(StringComparer.Ordinal);
        json.WriteStartArray("messages");
        foreach (var message in messages)
        {
            var calls = message.Contents.OfType<FunctionCallContent>().ToList();
            foreach (var call in calls)
            {
                toolNames[call.CallId] = call.Name;
            }

            var results = message.Contents.OfType<FunctionResultContent>().ToList();
            foreach (var result in results)
            {
                json.WriteStartObject();
                json.WriteString("role", "tool");
                json.WriteString("content", ResultText(result.Result));
                if (toolNames.TryGetValue(result.CallId, out var name))
                {
                    json.WriteString("tool_name", name);
                }

                json.WriteEndObject();
            }

            if (results.Count > 0 && calls.Count == 0 && string.IsNullOrEmpty(message.Text))
            {
                continue;
            }

            json.WriteStartObject();
            json.WriteString("role", message.Role.Value);
            json.WriteString("content", message.Text);
            var images = message.Contents.OfType<DataContent>().Where(d => d.HasTopLevelMediaType("image")).ToList();
            if (images.Count > 0)
            {
                json.WriteStartArray("images");
                foreach (var image in images)
                {
                    json.WriteBase64StringValue(image.Data.Span);
                }

                json.WriteEndArray();
            }

            if (calls.Count > 0)
            {
                json.WriteStartArray("tool_calls");
                foreach (var call in calls)
                {
                    json.WriteStartObject();
                    json.WriteStartObject("function");
                    json.WriteString("name", call.Name);
                    json.WritePropertyName("arguments");
                    JsonSerializer.Serialize(json, call.Arguments ?? new Dictionary<string, object?>(), AIJsonUtilities.DefaultOptions);
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteTools(Utf8JsonWriter json, IList<AITool> tools)
    {
        json.WriteStartArray("tools");
        foreach (var function in tools.OfType<AIFunctionDeclaration>())
        {
            json.WriteStartObject();
            json.WriteString("type", "function");
            json.WriteStartObject("function");
            json.WriteString("name", function.Name);
            json.WriteString("description", function.Description);
            json.WritePropertyName("parameters");
            function.JsonSchema.WriteTo(json);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteModelOptions(Utf8JsonWriter json, ChatOptions options)
    {
        json.WriteStartObject("options");
        if (options.Temperature is { } temperature)
        {
            json.WriteNumber("temperature", temperature);
        }

        if (options.TopP is { } topP)
        {
            json.WriteNumber("top_p", topP);
        }

        if (options.TopK is { } topK)
        {
            json.WriteNumber("top_k", topK);
        }

        if (options.Seed is { } seed)
        {
            json.WriteNumber("seed", seed);
        }

        if (options.MaxOutputTokens is { } maxTokens)
        {
            json.WriteNumber("num_predict", maxTokens);
        }

        if (options.StopSequences is { Count: > 0 } stops)
        {
            json.WriteStartArray("stop");
            foreach (var stop in stops)
            {
                json.WriteStringValue(stop);
            }

            json.WriteEndArray();
        }

        // Anything else in AdditionalProperties (num_ctx, repeat_penalty, min_p, ...) is a Modelfile parameter.
        foreach (var (key, value) in options.AdditionalProperties ?? [])
        {
            if (!TopLevelKeys.Contains(key))
            {
                WriteValue(json, key, value);
            }
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object? value)
    {
        json.WritePropertyName(name);
        JsonSerializer.Serialize(json, value, AIJsonUtilities.DefaultOptions);
    }

    private static string ResultText(object? result) => result switch
    {
        null => "",
        string text => text,
        JsonElement element when element.ValueKind == JsonValueKind.String => element.GetString()!,
        _ => JsonSerializer.Serialize(result, AIJsonUtilities.DefaultOptions),
    };
}

using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace VoiceConnector.Edge.Tests.Ai.Ollama;

/// <summary>Server side of Ollama's /api/chat as in the spec: records request bodies, writes NDJSON.</summary>
internal sealed class OllamaWire
{
    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    public int Attempts => _attempts;

    private int _attempts;

    public async Task<JsonElement> ReadAsync(HttpContext context)
    {
        Interlocked.Increment(ref _attempts);
        using var doc = await JsonDocument.ParseAsync(context.Request.Body);
        var body = doc.RootElement.Clone();
        Requests.Enqueue(body);
        return body;
    }

    public static async Task WriteLinesAsync(HttpContext context, IEnumerable<string> lines, TimeSpan delay = default)
    {
        context.Response.ContentType = "application/x-ndjson";
        foreach (var line in lines)
        {
            await context.Response.WriteAsync(line + "\n");
            await context.Response.Body.FlushAsync();
            if (delay > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(delay, context.RequestAborted);
                }
                catch (OperationCanceledException)
                {
                    return; // the client went away
                }
            }
        }
    }

    public static string Chunk(string content) =>
        $$"""{"model":"llama3.2","created_at":"2023-08-04T08:52:19.385406455-07:00","message":{"role":"assistant","content":{{JsonSerializer.Serialize(content)}},"images":null},"done":false}""";

    public const string Final =
        """{"model":"llama3.2","created_at":"2023-08-04T19:22:45.499127Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","total_duration":4883583458,"load_duration":1334875,"prompt_eval_count":26,"prompt_eval_duration":342546000,"eval_count":282,"eval_duration":4535599000}""";
}

using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using VoiceConnector.Edge.Tests.Ai.Http;

namespace VoiceConnector.Edge.Tests.Ai.Ollama;

public sealed class OllamaChatClientToolTests
{
    private readonly OllamaWire _wire = new();

    [Fact]
    public async Task GetStreamingResponseAsync_ToolCallRoundTrip_SendsSchemaParsesCallAndReturnsResult()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapPost("/api/chat", async (HttpContext c) =>
        {
            var body = await _wire.ReadAsync(c);
            var last = body.GetProperty("messages")[body.GetProperty("messages").GetArrayLength() - 1];
            if (last.GetProperty("role").GetString() == "tool")
            {
                await OllamaWire.WriteLinesAsync(c, [OllamaWire.Chunk("Transferring you now."), OllamaWire.Final]);
                return;
            }

            await OllamaWire.WriteLinesAsync(c,
            [
                """{"model":"llama3.2","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"","tool_calls":[{"function":{"name":"transfer","arguments":{"target":"+15551234567","reason":"billing"}}}]},"done":false}""",
                OllamaWire.Final,
            ]);
        }));
        using var client = TestHttp.Ollama(server);
        var transfer = AIFunctionFactory.CreateDeclaration(
            "transfer",
            "Transfer the caller",
            JsonDocument.Parse("""{"type":"object","properties":{"target":{"type":"string"}},"required":["target"]}""").RootElement);
        var options = new ChatOptions { Tools = [transfer] };
        List<ChatMessage> history = [new(ChatRole.User, "put me through to billing")];

        var first = await client.GetStreamingResponseAsync(history, options).ToChatResponseAsync();

        var call = Assert.Single(first.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("transfer", call.Name);
        Assert.Equal("+15551234567", ((JsonElement)call.Arguments!["target"]!).GetString());
        Assert.Equal(ChatFinishReason.ToolCalls, first.FinishReason);
        var sentTool = _wire.Requests.First().GetProperty("tools")[0];
        Assert.Equal("function", sentTool.GetProperty("type").GetString());
        Assert.Equal("transfer", sentTool.GetProperty("function").GetProperty("name").GetString());
        Assert.Equal("target", sentTool.GetProperty("function").GetProperty("parameters").GetProperty("required")[0].GetString());

        history.AddRange(first.Messages);
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "transferred")]));
        var second = await client.GetStreamingResponseAsync(history, options).ToChatResponseAsync();

        Assert.Equal("Transferring you now.", second.Text);
        var messages = _wire.Requests.Last().GetProperty("messages");
        Assert.Equal(3, messages.GetArrayLength());
        var assistant = messages[1];
        Assert.Equal("assistant", assistant.GetProperty("role").GetString());
        var sentCall = assistant.GetProperty("tool_calls")[0].GetProperty("function");
        Assert.Equal("transfer", sentCall.GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Object, sentCall.GetProperty("arguments").ValueKind);
        Assert.Equal("billing", sentCall.GetProperty("arguments").GetProperty("reason").GetString());
        var tool = messages[2];
        Assert.Equal("tool", tool.GetProperty("role").GetString());
        Assert.Equal("transferred", tool.GetProperty("content").GetString());
        Assert.Equal("transfer", tool.GetProperty("tool_name").GetString());
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ToolCallWithoutName_Throws()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapPost("/api/chat", (HttpContext c) =>
            OllamaWire.WriteLinesAsync(c, ["""{"model":"m","message":{"role":"assistant","content":"","tool_calls":[{"function":{"arguments":{}}}]},"done":false}""", OllamaWire.Final])));
        using var client = TestHttp.Ollama(server);

        await Assert.ThrowsAsync<VoiceConnector.Edge.Ai.AiServiceException>(() => client.GetStreamingResponseAsync([new(ChatRole.User, "hi")]).ToListAsync().AsTask());
    }

    [Fact]
    public async Task WarmUpAsync_SendsEmptyMessagesWithKeepAlive()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapPost("/api/chat", async (HttpContext c) =>
        {
            await _wire.ReadAsync(c);
            await c.Response.WriteAsync("""{"model":"llama3.2","created_at":"2024-09-12T21:17:29.110811Z","message":{"role":"assistant","content":""},"done_reason":"load","done":true}""");
        }));
        using var client = TestHttp.Ollama(server, o => o.KeepAlive = "24h");

        await client.WarmUpAsync(CancellationToken.None);

        var request = Assert.Single(_wire.Requests);
        Assert.Equal(0, request.GetProperty("messages").GetArrayLength());
        Assert.Equal("24h", request.GetProperty("keep_alive").GetString());
        Assert.Equal("llama3.2", request.GetProperty("model").GetString());
    }

    [Fact]
    public async Task ProbeAsync_VersionAnswers_True()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapGet("/api/version", () => Results.Text("""{"version":"0.5.1"}""", "application/json")));
        using var client = TestHttp.Ollama(server);

        Assert.True(await client.ProbeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ProbeAsync_SlowServer_FalseWithinProbeTimeout()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapGet("/api/version", async (HttpContext c) =>
        {
            await Task.Delay(3000, c.RequestAborted);
            return Results.Ok();
        }));
        using var client = TestHttp.Ollama(server, o => o.ProbeTimeout = TimeSpan.FromMilliseconds(200));

        Assert.False(await client.ProbeAsync(CancellationToken.None));
    }
}

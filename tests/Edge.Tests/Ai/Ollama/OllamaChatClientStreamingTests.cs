using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using VoiceConnector.Edge.Ai;
using VoiceConnector.Edge.Tests.Ai.Http;

namespace VoiceConnector.Edge.Tests.Ai.Ollama;

public sealed class OllamaChatClientStreamingTests
{
    private readonly OllamaWire _wire = new();

    [Fact]
    public async Task GetStreamingResponseAsync_NdjsonChunks_YieldsTextThenFinishAndUsage()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapPost("/api/chat", async (HttpContext c) =>
        {
            await _wire.ReadAsync(c);
            await OllamaWire.WriteLinesAsync(c, [OllamaWire.Chunk("The"), OllamaWire.Chunk(" sky"), OllamaWire.Chunk(" is blue."), OllamaWire.Final]);
        }));
        using var client = TestHttp.Ollama(server);
        var options = new ChatOptions { Temperature = 0.5f, MaxOutputTokens = 200, StopSequences = ["\nUser:"], AdditionalProperties = new() { ["num_ctx"] = 4096 } };

        var updates = await client.GetStreamingResponseAsync([new(ChatRole.System, "Be brief."), new(ChatRole.User, "why is the sky blue?")], options).ToListAsync();

        Assert.Equal(4, updates.Count);
        Assert.Equal("The sky is blue.", string.Concat(updates.Select(u => u.Text)));
        Assert.Equal(ChatFinishReason.Stop, updates[^1].FinishReason);
        var usage = Assert.Single(updates[^1].Contents.OfType<UsageContent>());
        Assert.Equal(26, usage.Details.InputTokenCount);
        Assert.Equal(282, usage.Details.OutputTokenCount);
        var request = Assert.Single(_wire.Requests);
        Assert.Equal("llama3.2", request.GetProperty("model").GetString());
        Assert.True(request.GetProperty("stream").GetBoolean());
        Assert.Equal("10m", request.GetProperty("keep_alive").GetString());
        Assert.Equal("system", request.GetProperty("messages")[0].GetProperty("role").GetString());
        Assert.Equal("why is the sky blue?", request.GetProperty("messages")[1].GetProperty("content").GetString());
        var modelOptions = request.GetProperty("options");
        Assert.Equal(0.5, modelOptions.GetProperty("temperature").GetDouble(), 3);
        Assert.Equal(200, modelOptions.GetProperty("num_predict").GetInt32());
        Assert.Equal("\nUser:", modelOptions.GetProperty("stop")[0].GetString());
        Assert.Equal(4096, modelOptions.GetProperty("num_ctx").GetInt32());
    }

    [Fact]
    public async Task GetResponseAsync_NonStreamed_SendsStreamFalseAndReturnsWholeMessage()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapPost("/api/chat", async (HttpContext c) =>
        {
            await _wire.ReadAsync(c);
            c.Response.ContentType = "application/json";
            await c.Response.WriteAsync("""{"model":"llama3.2","created_at":"2023-12-12T14:13:43.416799Z","message":{"role":"assistant","content":"Hello! How are you today?"},"done":true,"done_reason":"stop","eval_count":9}""");
        }));
        using var client = TestHttp.Ollama(server, o => o.KeepAlive = "-1");

        var response = await client.GetResponseAsync([new(ChatRole.User, "hello")], new ChatOptions { ModelId = "qwen2.5:0.5b" });

        Assert.Equal("Hello! How are you today?", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        var request = Assert.Single(_wire.Requests);
        Assert.False(request.GetProperty("stream").GetBoolean());
        Assert.Equal("qwen2.5:0.5b", request.GetProperty("model").GetString());
        Assert.Equal("-1", request.GetProperty("keep_alive").GetString());
    }

    [Fact]
    public async Task GetStreamingResponseAsync_ErrorLineMidStream_ThrowsWithModelError()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapPost("/api/chat", (HttpContext c) =>
            OllamaWire.WriteLinesAsync(c, [OllamaWire.Chunk("Hel"), """{"error":"an error was encountered while running the model"}"""])));
        using var client = TestHttp.Ollama(server);

        var received = new List<string>();
        var e = await Assert.ThrowsAsync<AiServiceException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "hi")]))
            {
                received.Add(update.Text);
            }
        });

        Assert.Equal(["Hel"], received);
        Assert.Contains("an error was encountered while running the model", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_StreamEndsWithoutDone_Throws()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapPost("/api/chat", (HttpContext c) =>
            OllamaWire.WriteLinesAsync(c, [OllamaWire.Chunk("Hello"), OllamaWire.Chunk(" there")])));
        using var client = TestHttp.Ollama(server);

        var e = await Assert.ThrowsAsync<AiServiceException>(() => client.GetStreamingResponseAsync([new(ChatRole.User, "hi")]).ToListAsync().AsTask());

        Assert.Contains("before \"done\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_TruncatedJsonLine_ThrowsMalformed()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapPost("/api/chat", async (HttpContext c) =>
        {
            c.Response.ContentType = "application/x-ndjson";
            await c.Response.WriteAsync(OllamaWire.Chunk("Hi") + "\n" + """{"model":"llama3.2","message":{"role":"assis""");
        }));
        using var client = TestHttp.Ollama(server);

        var e = await Assert.ThrowsAsync<AiServiceException>(() => client.GetStreamingResponseAsync([new(ChatRole.User, "hi")]).ToListAsync().AsTask());

        Assert.Contains("malformed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SlowStreamCancelledByCaller_ThrowsOperationCanceled()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapPost("/api/chat", (HttpContext c) =>
            OllamaWire.WriteLinesAsync(c, [OllamaWire.Chunk("one"), OllamaWire.Chunk("two"), OllamaWire.Final], TimeSpan.FromSeconds(2))));
        using var client = TestHttp.Ollama(server);
        using var cts = new CancellationTokenSource();

        var first = true;
        var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync([new(ChatRole.User, "hi")], null, cts.Token))
            {
                Assert.True(first);
                first = false;
                await cts.CancelAsync();
            }
        });

        Assert.IsNotType<AiServiceException>(e);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_SlowStreamPastTimeout_ThrowsTimeout()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapPost("/api/chat", (HttpContext c) =>
            OllamaWire.WriteLinesAsync(c, [OllamaWire.Chunk("one"), OllamaWire.Final], TimeSpan.FromSeconds(3))));
        using var client = TestHttp.Ollama(server, o => o.Timeout = TimeSpan.FromMilliseconds(400));

        var e = await Assert.ThrowsAsync<AiServiceException>(() => client.GetStreamingResponseAsync([new(ChatRole.User, "hi")]).ToListAsync().AsTask());

        Assert.IsType<TimeoutException>(e.InnerException);
    }

    [Fact]
    public async Task GetResponseAsync_503ThenOk_RetriesAndSucceeds()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapPost("/api/chat", async (HttpContext c) =>
        {
            await _wire.ReadAsync(c);
            if (_wire.Attempts == 1)
            {
                c.Response.StatusCode = 503;
                await c.Response.WriteAsync("""{"error":"server busy, please try again.  maximum pending requests exceeded"}""");
                return;
            }

            await c.Response.WriteAsync("""{"model":"llama3.2","message":{"role":"assistant","content":"ok"},"done":true}""");
        }));
        using var client = TestHttp.Ollama(server);

        var response = await client.GetResponseAsync([new(ChatRole.User, "hi")]);

        Assert.Equal("ok", response.Text);
        Assert.Equal(2, _wire.Attempts);
        Assert.All(_wire.Requests, r => Assert.Equal("hi", r.GetProperty("messages")[0].GetProperty("content").GetString()));
    }

    [Theory]
    [InlineData(500, 3)]
    [InlineData(404, 1)]
    [InlineData(400, 1)]
    public async Task GetResponseAsync_ErrorStatus_RetriesOnlyServerErrorsAndReportsDetail(int status, int expectedAttempts)
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapPost("/api/chat", async (HttpContext c) =>
        {
            await _wire.ReadAsync(c);
            c.Response.StatusCode = status;
            await c.Response.WriteAsync("""{"error":"model 'nope' not found"}""");
        }));
        using var client = TestHttp.Ollama(server, o => o.MaxRetries = 2);

        var e = await Assert.ThrowsAsync<AiServiceException>(() => client.GetResponseAsync([new(ChatRole.User, "hi")]));

        Assert.Equal((HttpStatusCode)status, e.StatusCode);
        Assert.Contains("model 'nope' not found", e.Message, StringComparison.Ordinal);
        Assert.Equal(expectedAttempts, _wire.Attempts);
    }
}

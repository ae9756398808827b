using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Ai;
using VoiceConnector.Edge.Ai.Auth;
using VoiceConnector.Edge.Ai.Local;
using VoiceConnector.Edge.Ai.Ollama;
using VoiceConnector.Edge.Ai.Piper;
using VoiceConnector.Edge.Ai.Scripted;
using VoiceConnector.Edge.Ai.Whisper;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Tests.Ai.Auth;
using VoiceConnector.Edge.Tests.Ai.Http;

#pragma warning disable MEAI001 // the speech abstractions are [Experimental] in Microsoft.Extensions.AI 10.11

namespace VoiceConnector.Edge.Tests.Ai;

public sealed class AiServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddEdgeAi_NothingConfigured_EmbeddedEnginesAndScripted()
    {
        using var host = await StartAsync([]);

        Assert.IsType<ScriptedChatClient>(host.Services.GetRequiredService<ChatClientSelector>().Current);
        Assert.IsType<PocketSphinxSpeechToTextClient>(host.Services.GetRequiredService<ISpeechToTextClient>());
        Assert.IsType<FliteTextToSpeechClient>(host.Services.GetRequiredService<ITextToSpeechClient>());
        using var vad = host.Services.GetRequiredService<IVoiceActivityDetectorFactory>().Create();
        Assert.IsType<WebRtcVoiceActivityDetector>(vad);
        var greeting = await host.Services.GetRequiredService<IChatClient>().GetResponseAsync([]);
        Assert.Equal(new ScriptedChatOptions().Greeting, greeting.Text);
        Assert.True(await host.Services.GetRequiredService<AiWarmUp>().WarmUpAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AddEdgeAi_AllServicesAnswering_UsesThemWithIdTokensAndWarmsThemUp()
    {
        var seen = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = await LocalHttpServer.StartAsync(app =>
        {
            app.Use(async (c, next) =>
            {
                seen.Enqueue($"{c.Request.Method} {c.Request.Path} {c.Request.Headers.Authorization}");
                await next(c);
            });
            app.MapGet("/api/version", () => Results.Json(new { version = "0.5.1" }));
            app.MapPost("/api/chat", () => Results.Text("""{"model":"llama3.2","message":{"role":"assistant","content":""},"done_reason":"load","done":true}""", "application/json"));
            app.MapPost("/v1/audio/transcriptions", () => Results.Json(new { text = "" }));
            app.MapPost("/synthesize", () => Results.Bytes(WavFile.Encode(new short[1600], 16000), "text/html"));
        });
        var url = server.BaseUri.ToString();
        using var host = await StartAsync(
            new()
            {
                ["Ai:Ollama:Url"] = url,
                ["Ai:Whisper:Url"] = url,
                ["Ai:Whisper:IdTokenAudience"] = "https://whisper.example",
                ["Ai:Piper:Url"] = url,
            },
            services => services.AddSingleton<IIdTokenSource>(new CountingTokenSource(TimeProvider.System)));

        Assert.IsType<OllamaChatClient>(host.Services.GetRequiredService<ChatClientSelector>().Current);
        Assert.IsType<WhisperSpeechToTextClient>(host.Services.GetRequiredService<ISpeechToTextClient>());
        Assert.IsType<PiperTextToSpeechClient>(host.Services.GetRequiredService<ITextToSpeechClient>());
        Assert.True(await host.Services.GetRequiredService<AiWarmUp>().WarmUpAsync(CancellationToken.None));
        Assert.Contains("POST /v1/audio/transcriptions Bearer token-1", seen);
        Assert.Contains("POST /api/chat ", seen);
        Assert.Contains("POST /synthesize ", seen);
    }

    [Fact]
    public async Task AddEdgeAi_OllamaHostVariableAnswering_UsesOllama()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapGet("/api/version", () => Results.Json(new { version = "0.5.1" })));
        using var host = await StartAsync(new() { ["OLLAMA_HOST"] = $"127.0.0.1:{server.BaseUri.Port}" });

        Assert.IsType<OllamaChatClient>(host.Services.GetRequiredService<ChatClientSelector>().Current);
    }

    [Fact]
    public async Task AddEdgeAi_OllamaConfiguredButDown_FallsBackToScripted()
    {
        using var host = await StartAsync(new() { ["Ai:Ollama:Url"] = "http://127.0.0.1:9/", ["Ai:Ollama:ProbeTimeout"] = "00:00:00.5" });

        Assert.IsType<ScriptedChatClient>(host.Services.GetRequiredService<ChatClientSelector>().Current);
    }

    [Fact]
    public async Task AddEdgeAi_WarmUpWithServiceDown_ReturnsFalseWithoutThrowing()
    {
        using var host = await StartAsync(new() { ["Ai:Piper:Url"] = "http://127.0.0.1:9/", ["Ai:Piper:MaxRetries"] = "0" });

        Assert.False(await host.Services.GetRequiredService<AiWarmUp>().WarmUpAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData("Ai:Vad:Mode", "4")]
    [InlineData("Ai:Whisper:Url", "ftp://whisper")]
    [InlineData("Ai:PocketSphinx:PoolSize", "0")]
    [InlineData("Ai:Scripted:Greeting", "")]
    public async Task AddEdgeAi_InvalidOption_FailsAtStart(string key, string value)
    {
        await Assert.ThrowsAsync<OptionsValidationException>(() => StartAsync(new() { [key] = value }));
    }

    private static async Task<IHost> StartAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddEdgeAi(builder.Configuration);
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        try
        {
            await host.StartAsync();
        }
        catch
        {
            host.Dispose();
            throw;
        }

        return host;
    }
}

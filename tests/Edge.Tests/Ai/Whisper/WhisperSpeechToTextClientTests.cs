using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using VoiceConnector.Edge.Ai;
using VoiceConnector.Edge.Ai.Whisper;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Tests.Ai.Http;

#pragma warning disable MEAI001 // the STT abstractions are [Experimental] in Microsoft.Extensions.AI 10.11

namespace VoiceConnector.Edge.Tests.Ai.Whisper;

public sealed class WhisperSpeechToTextClientTests
{
    private readonly ConcurrentQueue<(string Path, IFormCollection Form, PcmAudio? Audio)> _uploads = new();
    private int _attempts;

    [Fact]
    public async Task GetTextAsync_OpenAiApi_PostsMultipartWavAndTrimsText()
    {
        await using var server = await StartAsync("/v1/audio/transcriptions", _ => Results.Json(new { text = " Hello, how can I help you?" }));
        using var client = TestHttp.Whisper(server);

        var response = await client.GetTextAsync(Wav(16000), new SpeechToTextOptions { SpeechLanguage = "en-US" });

        Assert.Equal("Hello, how can I help you?", response.Text);
        var (path, form, audio) = Assert.Single(_uploads);
        Assert.Equal("/v1/audio/transcriptions", path);
        Assert.Equal("Systran/faster-distil-whisper-small.en", form["model"]);
        Assert.Equal("en", form["language"]);
        Assert.Equal("json", form["response_format"]);
        Assert.Equal(16000, audio!.SampleRate);
        Assert.Equal(8000, audio.Samples.Length);
    }

    [Fact]
    public async Task GetTextAsync_WhisperCppWithRawPcm_UploadsWavAtGivenRateToInference()
    {
        await using var server = await StartAsync("/inference", _ => Results.Json(new { text = " And so my fellow Americans" }));
        using var client = TestHttp.Whisper(server, o => o.Api = WhisperApi.WhisperCpp);
        var raw = new byte[1600];

        var response = await client.GetTextAsync(new MemoryStream(raw), new SpeechToTextOptions { SpeechSampleRate = 8000 });

        Assert.Equal("And so my fellow Americans", response.Text);
        var (_, form, audio) = Assert.Single(_uploads);
        Assert.False(form.ContainsKey("model"));
        Assert.Equal(8000, audio!.SampleRate);
        Assert.Equal(800, audio.Samples.Length);
    }

    [Fact]
    public async Task GetTextAsync_UndecodableAudio400_ThrowsWithServerErrorAndNoRetry()
    {
        await using var server = await StartAsync("/inference", _ => Results.Json(new { error = "failed to read audio data" }, statusCode: 400));
        using var client = TestHttp.Whisper(server, o => o.Api = WhisperApi.WhisperCpp);

        var e = await Assert.ThrowsAsync<AiServiceException>(() => client.GetTextAsync(Wav(16000)));

        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.Contains("failed to read audio data", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, _attempts);
    }

    [Fact]
    public async Task GetTextAsync_ValidationError422_ReportsFastApiDetail()
    {
        await using var server = await StartAsync("/v1/audio/transcriptions", _ =>
            Results.Json(new { detail = new[] { new { loc = new[] { "body", "model" }, msg = "Field required", type = "missing" } } }, statusCode: 422));
        using var client = TestHttp.Whisper(server);

        var e = await Assert.ThrowsAsync<AiServiceException>(() => client.GetTextAsync(Wav(16000)));

        Assert.Contains("Field required", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hello there")]
    [InlineData("{\"text\": 42}")]
    [InlineData("{\"text\": \"cut off")]
    public async Task GetTextAsync_MalformedBody_Throws(string body)
    {
        await using var server = await StartAsync("/v1/audio/transcriptions", _ => Results.Text(body, "application/json"));
        using var client = TestHttp.Whisper(server);

        await Assert.ThrowsAsync<AiServiceException>(() => client.GetTextAsync(Wav(16000)));
    }

    [Fact]
    public async Task GetTextAsync_502ThenOk_RetriesWithTheSameUpload()
    {
        await using var server = await StartAsync("/v1/audio/transcriptions", attempt =>
            attempt == 1 ? Results.StatusCode(502) : Results.Json(new { text = "ok" }));
        using var client = TestHttp.Whisper(server);

        var response = await client.GetTextAsync(Wav(16000));

        Assert.Equal("ok", response.Text);
        Assert.Equal(2, _attempts);
        Assert.All(_uploads, u => Assert.Equal(8000, u.Audio!.Samples.Length));
    }

    [Fact]
    public async Task GetTextAsync_ServerSlowerThanTimeout_ThrowsTimeout()
    {
        await using var server = await LocalHttpServer.StartAsync(app => app.MapPost("/v1/audio/transcriptions", async (HttpContext c) =>
        {
            await Task.Delay(3000, c.RequestAborted);
            return Results.Json(new { text = "late" });
        }));
        using var client = TestHttp.Whisper(server, o => o.Timeout = TimeSpan.FromMilliseconds(300));

        var e = await Assert.ThrowsAsync<AiServiceException>(() => client.GetTextAsync(Wav(16000)));

        Assert.IsType<TimeoutException>(e.InnerException);
    }

    private static MemoryStream Wav(int rate) => new(WavFile.Encode(new short[rate / 2], rate));

    private Task<LocalHttpServer> StartAsync(string path, Func<int, IResult> answer) =>
        LocalHttpServer.StartAsync(app => app.MapPost(path, async (HttpContext c) =>
        {
            var attempt = Interlocked.Increment(ref _attempts);
            var form = await c.Request.ReadFormAsync();
            PcmAudio? audio = null;
            if (form.Files["file"] is { } file)
            {
                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes);
                audio = WavFile.Parse(bytes.ToArray(), mixDown: true);
            }

            _uploads.Enqueue((c.Request.Path.Value!, form, audio));
            return answer(attempt);
        }));
}

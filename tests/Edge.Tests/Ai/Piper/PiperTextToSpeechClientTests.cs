using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using VoiceConnector.Edge.Ai;
using VoiceConnector.Edge.Ai.Piper;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Tests.Ai.Http;

#pragma warning disable MEAI001 // the TTS abstractions are [Experimental] in Microsoft.Extensions.AI 10.11

namespace VoiceConnector.Edge.Tests.Ai.Piper;

public sealed class PiperTextToSpeechClientTests
{
    private readonly ConcurrentQueue<(string Path, string ContentType, string Body)> _requests = new();

    [Fact]
    public async Task GetAudioAsync_CurrentApi_PostsJsonAndReturnsWavAtVoiceRate()
    {
        await using var server = await StartAsync("/synthesize", Tone(22050, 0.5));
        using var client = TestHttp.Piper(server, o => o.SpeakerId = 3);

        var response = await client.GetAudioAsync("This is a test.", new TextToSpeechOptions { VoiceId = "en_US-lessac-medium", Speed = 2 });

        var content = Assert.IsType<DataContent>(Assert.Single(response.Contents));
        Assert.Equal("audio/wav", content.MediaType);
        Assert.Equal(22050, content.AdditionalProperties!["sample_rate"]);
        var audio = WavFile.Parse(content.Data.Span, mixDown: true);
        Assert.Equal(22050, audio.SampleRate);
        Assert.Equal(11025, audio.Samples.Length);
        var (_, contentType, body) = Assert.Single(_requests);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("This is a test.", json.RootElement.GetProperty("text").GetString());
        Assert.Equal("en_US-lessac-medium", json.RootElement.GetProperty("voice").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("speaker_id").GetInt32());
        Assert.Equal(0.5, json.RootElement.GetProperty("length_scale").GetDouble(), 3);
    }

    [Fact]
    public async Task GetAudioAsync_LegacyApi_PostsRawTextToRoot()
    {
        await using var server = await StartAsync("/", Tone(16000, 0.25));
        using var client = TestHttp.Piper(server, o => o.Api = PiperApi.Legacy);

        var response = await client.GetAudioAsync("Hello world");

        Assert.Equal(16000, WavFile.Parse(((DataContent)response.Contents[0]).Data.Span, mixDown: true).SampleRate);
        var (path, _, body) = Assert.Single(_requests);
        Assert.Equal("/", path);
        Assert.Equal("Hello world", body);
    }

    [Fact]
    public async Task GetAudioAsync_TruncatedWav_KeepsTheSamplesPresent()
    {
        var wav = Tone(22050, 0.5);
        await using var server = await StartAsync("/synthesize", wav[..(44 + 1000)]);
        using var client = TestHttp.Piper(server);

        var response = await client.GetAudioAsync("Hi.");

        Assert.Equal(500, WavFile.Parse(((DataContent)response.Contents[0]).Data.Span, mixDown: true).Samples.Length);
    }

    [Theory]
    [InlineData("<html>Internal error</html>")]
    [InlineData("RIFF")]
    [InlineData("")]
    public async Task GetAudioAsync_NotAWav_Throws(string body)
    {
        await using var server = await StartAsync("/synthesize", Encoding.UTF8.GetBytes(body));
        using var client = TestHttp.Piper(server);

        var e = await Assert.ThrowsAsync<AiServiceException>(() => client.GetAudioAsync("Hi."));

        Assert.Contains("WAV", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAudioAsync_EmptyText_ThrowsArgumentException()
    {
        await using var server = await StartAsync("/synthesize", Tone(22050, 0.1));
        using var client = TestHttp.Piper(server);

        await Assert.ThrowsAsync<ArgumentException>(() => client.GetAudioAsync("  "));
        Assert.Empty(_requests);
    }

    private static byte[] Tone(int rate, double seconds)
    {
        var samples = new short[(int)(rate * seconds)];
        for (var i = 0; i < samples.Length; i++)
        {
            samples[i] = (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate));
        }

        return WavFile.Encode(samples, rate);
    }

    private Task<LocalHttpServer> StartAsync(string path, byte[] wav) =>
        LocalHttpServer.StartAsync(app => app.MapPost(path, async (HttpContext c) =>
        {
            using var reader = new StreamReader(c.Request.Body);
            _requests.Enqueue((c.Request.Path.Value!, c.Request.ContentType ?? "", await reader.ReadToEndAsync()));
            c.Response.ContentType = "text/html; charset=utf-8"; // what Flask sends, as the spec warns
            await c.Response.Body.WriteAsync(wav);
        }));
}

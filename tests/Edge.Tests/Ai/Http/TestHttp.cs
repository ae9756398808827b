using Microsoft.Extensions.Logging.Abstractions;
using VoiceConnector.Edge.Ai.Ollama;
using VoiceConnector.Edge.Ai.Piper;
using VoiceConnector.Edge.Ai.Whisper;

namespace VoiceConnector.Edge.Tests.Ai.Http;

/// <summary>Clients wired like production (own HttpClient, no HttpClient timeout), pointed at a local server.</summary>
internal static class TestHttp
{
    public static HttpClient Client() => new(new SocketsHttpHandler()) { Timeout = Timeout.InfiniteTimeSpan };

    public static OllamaChatClient Ollama(LocalHttpServer server, Action<OllamaOptions>? configure = null)
    {
        var options = new OllamaOptions { Url = server.BaseUri, RetryBaseDelay = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        return new OllamaChatClient(Client(), options, NullLogger<OllamaChatClient>.Instance);
    }

    public static WhisperSpeechToTextClient Whisper(LocalHttpServer server, Action<WhisperOptions>? configure = null)
    {
        var options = new WhisperOptions { Url = server.BaseUri, RetryBaseDelay = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        return new WhisperSpeechToTextClient(Client(), options, NullLogger<WhisperSpeechToTextClient>.Instance);
    }

    public static PiperTextToSpeechClient Piper(LocalHttpServer server, Action<PiperOptions>? configure = null)
    {
        var options = new PiperOptions { Url = server.BaseUri, RetryBaseDelay = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(10) };
        configure?.Invoke(options);
        return new PiperTextToSpeechClient(Client(), options, NullLogger<PiperTextToSpeechClient>.Instance);
    }
}

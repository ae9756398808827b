using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using VoiceConnector.Edge.Ai.Http;
using VoiceConnector.Edge.Media;

// MEAI001: the text-to-speech abstractions are [Experimental] in Microsoft.Extensions.AI 10.11; we adopt them on purpose.
#pragma warning disable MEAI001

namespace VoiceConnector.Edge.Ai.Piper;

/// <summary>
/// <see cref="ITextToSpeechClient"/> over Piper's HTTP server (current <c>/synthesize</c> or legacy <c>/</c>).
/// Returns one <see cref="DataContent"/> holding a mono 16-bit WAV at the voice's own rate (16000 or 22050 Hz; also in
/// <c>AdditionalProperties["sample_rate"]</c>). The body is checked as RIFF whatever Content-Type the server claims.
/// Thread-safe; share one instance.
/// </summary>
public sealed class PiperTextToSpeechClient : ITextToSpeechClient, IWarmUp
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private static readonly MediaTypeHeaderValue PlainText = new("text/plain") { CharSet = "utf-8" };
    private readonly PiperOptions _options;
    private readonly ResilientHttpSender _sender;
    private readonly TextToSpeechClientMetadata _metadata;

    public PiperTextToSpeechClient(HttpClient http, PiperOptions options, ILogger<PiperTextToSpeechClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        http.BaseAddress ??= options.BaseAddress() ?? throw new ArgumentException("Ai:Piper:Url is required", nameof(options));
        _sender = new ResilientHttpSender(http, options, "piper", logger);
        _metadata = new TextToSpeechClientMetadata("piper", http.BaseAddress, options.Voice);
    }

    public async Task<TextToSpeechResponse> GetAudioAsync(string text, TextToSpeechOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var body = _options.Api == PiperApi.Current ? CurrentBody(text, options) : Encoding.UTF8.GetBytes(text);
        using var timeout = _sender.StartTimeout(cancellationToken);
        byte[] bytes;
        try
        {
            using var response = await _sender.SendAsync(() => Request(body), timeout.Token);
            bytes = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (OperationCanceledException e)
        {
            throw _sender.TranslateCancellation(e, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new AiServiceException("piper", $"answer broken off: {e.Message}", null, e);
        }

        PcmAudio audio;
        try
        {
            audio = WavFile.Parse(bytes, mixDown: true);
        }
        catch (InvalidDataException e)
        {
            throw new AiServiceException("piper", $"answer is not a usable WAV ({e.Message}), {bytes.Length} bytes", null, e);
        }

        return new TextToSpeechResponse([AudioContent(audio)]) { ModelId = options?.VoiceId ?? _options.Voice };
    }

    /// <summary>Piper synthesises whole texts: one update with the complete audio.</summary>
    public async IAsyncEnumerable<TextToSpeechResponseUpdate> GetStreamingAudioAsync(
        string text, TextToSpeechOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetAudioAsync(text, options, cancellationToken);
        yield return new TextToSpeechResponseUpdate(response.Contents) { Kind = TextToSpeechResponseUpdateKind.AudioUpdated, ModelId = response.ModelId };
    }

    /// <summary>A one-word synthesis so the voice is loaded before the first turn.</summary>
    public Task WarmUpAsync(CancellationToken cancellationToken) => GetAudioAsync("Hello.", null, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(TextToSpeechClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The HttpClient belongs to IHttpClientFactory (or to whoever passed it in).
    }

    /// <summary>The audio as the TTS clients hand it out: a WAV <see cref="DataContent"/> carrying its sample rate.</summary>
    internal static DataContent AudioContent(PcmAudio audio) =>
        new(WavFile.Encode(audio.Samples, audio.SampleRate), "audio/wav")
        {
            AdditionalProperties = new() { ["sample_rate"] = audio.SampleRate },
        };

    private byte[] CurrentBody(string text, TextToSpeechOptions? options)
    {
        var voice = options?.VoiceId ?? _options.Voice;
        var lengthScale = _options.LengthScale / (options?.Speed is > 0 and var speed ? speed : 1.0);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("text", text);
            if (voice.Length > 0)
            {
                json.WriteString("voice", voice);
            }

            if (_options.SpeakerId is { } speaker)
            {
                json.WriteNumber("speaker_id", speaker);
            }

            json.WriteNumber("length_scale", lengthScale);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private HttpRequestMessage Request(byte[] body)
    {
        var current = _options.Api == PiperApi.Current;
        return new HttpRequestMessage(HttpMethod.Post, new Uri(current ? "synthesize" : "", UriKind.Relative))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = current ? Json : PlainText } },
        };
    }
}

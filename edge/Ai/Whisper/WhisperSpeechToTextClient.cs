using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.AI;
using VoiceConnector.Edge.Ai.Audio;
using VoiceConnector.Edge.Ai.Http;
using VoiceConnector.Edge.Media;

// MEAI001: the speech-to-text abstractions are [Experimental] in Microsoft.Extensions.AI 10.11; we adopt them on purpose.
#pragma warning disable MEAI001

namespace VoiceConnector.Edge.Ai.Whisper;

/// <summary>
/// <see cref="ISpeechToTextClient"/> over a Whisper server: OpenAI-compatible <c>/v1/audio/transcriptions</c> or
/// whisper.cpp <c>/inference</c>, multipart upload of a 16-bit mono WAV, <c>response_format=json</c>.
/// Input: WAV, or raw PCM at <see cref="SpeechToTextOptions.SpeechSampleRate"/>. Thread-safe; share one instance.
/// </summary>
public sealed class WhisperSpeechToTextClient : ISpeechToTextClient, IWarmUp
{
    private static readonly MediaTypeHeaderValue Wav = new("audio/wav");
    private readonly WhisperOptions _options;
    private readonly ResilientHttpSender _sender;
    private readonly SpeechToTextClientMetadata _metadata;

    public WhisperSpeechToTextClient(HttpClient http, WhisperOptions options, ILogger<WhisperSpeechToTextClient> logger)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        http.BaseAddress ??= options.BaseAddress() ?? throw new ArgumentException("Ai:Whisper:Url is required", nameof(options));
        _sender = new ResilientHttpSender(http, options, "whisper", logger);
        _metadata = new SpeechToTextClientMetadata(options.Api == WhisperApi.OpenAi ? "openai-whisper" : "whisper.cpp", http.BaseAddress, options.Model);
    }

    public async Task<SpeechToTextResponse> GetTextAsync(Stream audioSpeechStream, SpeechToTextOptions? options = null, CancellationToken cancellationToken = default)
    {
        var audio = await SpeechInput.ReadAsync(audioSpeechStream, options, cancellationToken);
        var wav = WavFile.Encode(audio.Samples, audio.SampleRate);
        var language = Language(options?.SpeechLanguage ?? _options.Language);
        var model = options?.ModelId ?? _options.Model;
        using var timeout = _sender.StartTimeout(cancellationToken);
        try
        {
            using var response = await _sender.SendAsync(() => Request(wav, model, language), timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return new SpeechToTextResponse(ParseText(body))
            {
                ModelId = model,
                StartTime = TimeSpan.Zero,
                EndTime = audio.Duration,
            };
        }
        catch (OperationCanceledException e)
        {
            throw _sender.TranslateCancellation(e, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new AiServiceException("whisper", $"answer broken off: {e.Message}", null, e);
        }
    }

    /// <summary>Whisper servers transcribe whole uploads: one final update with the text.</summary>
    public async IAsyncEnumerable<SpeechToTextResponseUpdate> GetStreamingTextAsync(
        Stream audioSpeechStream, SpeechToTextOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetTextAsync(audioSpeechStream, options, cancellationToken);
        yield return new SpeechToTextResponseUpdate(response.Text)
        {
            Kind = SpeechToTextResponseUpdateKind.TextUpdated,
            ModelId = response.ModelId,
            StartTime = response.StartTime,
            EndTime = response.EndTime,
        };
    }

    /// <summary>A tiny transcription (100 ms of silence) so the server has its model loaded before the first turn.</summary>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        using var silence = new MemoryStream(WavFile.Encode(new short[1600], 16000));
        await GetTextAsync(silence, null, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(SpeechToTextClientMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    public void Dispose()
    {
        // The HttpClient belongs to IHttpClientFactory (or to whoever passed it in).
    }

    /// <summary>Reads <c>{"text": "..."}</c> and trims the leading space Whisper puts in front.</summary>
    internal static string ParseText(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("text", out var text)
                && text.ValueKind == JsonValueKind.String)
            {
                return text.GetString()!.Trim();
            }
        }
        catch (JsonException e)
        {
            throw new AiServiceException("whisper", $"answer is not JSON: {ResilientHttpSender.ErrorDetail(body)}", null, e);
        }

        throw new AiServiceException("whisper", $"answer has no \"text\": {ResilientHttpSender.ErrorDetail(body)}");
    }

    private HttpRequestMessage Request(byte[] wav, string model, string language)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(wav);
        file.Headers.ContentType = Wav;
        form.Add(file, "file", "audio.wav");
        if (_options.Api == WhisperApi.OpenAi)
        {
            form.Add(new StringContent(model), "model");
        }

        if (language.Length > 0)
        {
            form.Add(new StringContent(language), "language");
        }

        form.Add(new StringContent("json"), "response_format");
        form.Add(new StringContent(0.0.ToString("0.0", CultureInfo.InvariantCulture)), "temperature");
        var path = _options.Api == WhisperApi.OpenAi ? "v1/audio/transcriptions" : "inference";
        return new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = form };
    }

    private static string Language(string tag)
    {
        var dash = tag.IndexOf('-', StringComparison.Ordinal);
        return (dash > 0 ? tag[..dash] : tag).ToLowerInvariant();
    }
}

using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Ai.Auth;
using VoiceConnector.Edge.Ai.Http;
using VoiceConnector.Edge.Ai.Local;
using VoiceConnector.Edge.Ai.Ollama;
using VoiceConnector.Edge.Ai.Piper;
using VoiceConnector.Edge.Ai.Scripted;
using VoiceConnector.Edge.Ai.Whisper;
using VoiceConnector.Edge.Media;

// MEAI001: the speech abstractions are [Experimental] in Microsoft.Extensions.AI 10.11; we adopt them on purpose.
#pragma warning disable MEAI001

namespace VoiceConnector.Edge.Ai;

/// <summary>
/// Registers the AI services: <see cref="IChatClient"/> (Ollama when configured and answering, else the scripted
/// responder), <see cref="ISpeechToTextClient"/> (Whisper when <c>Ai:Whisper:Url</c> is set, else PocketSphinx),
/// <see cref="ITextToSpeechClient"/> (Piper when <c>Ai:Piper:Url</c> is set, else flite),
/// <see cref="IVoiceActivityDetectorFactory"/> (WebRTC VAD) and <see cref="AiWarmUp"/>. Options validated at start.
/// </summary>
public static class AiServiceCollectionExtensions
{
    public static IServiceCollection AddEdgeAi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IIdTokenSource, GoogleIdTokenSource>();

        services.AddValidatedOptions<ScriptedChatOptions>(configuration, ScriptedChatOptions.Section);
        services.AddSingleton<ScriptedChatClient>();
        if (IsConfigured(configuration, OllamaOptions.Section))
        {
            services.AddHttpService<OllamaOptions, OllamaChatClient>(configuration, OllamaOptions.Section);
        }
        else if (OllamaHostUrl(configuration["OLLAMA_HOST"]) is { } ollamaHost)
        {
            // Ollama's own convention: OLLAMA_HOST ("host:port" or a URL) when Ai:Ollama:Url is not set.
            services.AddHttpService<OllamaOptions, OllamaChatClient>(configuration, OllamaOptions.Section);
            services.PostConfigure<OllamaOptions>(o => o.Url ??= ollamaHost);
        }

        services.AddSingleton<ChatClientSelector>();
        services.AddHostedService(sp => sp.GetRequiredService<ChatClientSelector>());
        services.AddSingleton<IChatClient, SelectedChatClient>();

        if (IsConfigured(configuration, WhisperOptions.Section))
        {
            services.AddHttpService<WhisperOptions, WhisperSpeechToTextClient>(configuration, WhisperOptions.Section);
            services.AddSingleton<ISpeechToTextClient>(sp => sp.GetRequiredService<WhisperSpeechToTextClient>());
        }
        else
        {
            services.AddValidatedOptions<PocketSphinxOptions>(configuration, PocketSphinxOptions.Section);
            services.AddSingleton<ISpeechToTextClient, PocketSphinxSpeechToTextClient>();
        }

        if (IsConfigured(configuration, PiperOptions.Section))
        {
            services.AddHttpService<PiperOptions, PiperTextToSpeechClient>(configuration, PiperOptions.Section);
            services.AddSingleton<ITextToSpeechClient>(sp => sp.GetRequiredService<PiperTextToSpeechClient>());
        }
        else
        {
            services.AddSingleton<ITextToSpeechClient, FliteTextToSpeechClient>();
        }

        services.AddValidatedOptions<VoiceActivityOptions>(configuration, VoiceActivityOptions.Section);
        services.AddSingleton<IVoiceActivityDetectorFactory, WebRtcVoiceActivityDetectorFactory>();
        services.AddSingleton<AiWarmUp>();
        return services;
    }

    private static Uri? OllamaHostUrl(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return null;
        }

        var text = host.Contains("://", StringComparison.Ordinal) ? host : "http://" + host;
        return Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : null;
    }

    private static bool IsConfigured(IConfiguration configuration, string section) =>
        !string.IsNullOrWhiteSpace(configuration[section + ":Url"]);

    private static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class =>
        services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateDataAnnotations().ValidateOnStart();

    /// <summary>
    /// One named HttpClient per service (pooled SocketsHttpHandler, no HttpClient timeout: the client enforces its
    /// own), with the ID-token handler when an audience is configured, and the client as a singleton.
    /// </summary>
    private static void AddHttpService<TOptions, TClient>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : HttpServiceOptions
        where TClient : class
    {
        services.AddValidatedOptions<TOptions>(configuration, section)
            .Validate(o => o.Url is { IsAbsoluteUri: true } url && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps), $"{section}:Url must be an absolute http(s) URL");
        var name = "ai-" + section[(section.LastIndexOf(':') + 1)..].ToLowerInvariant();
        var audience = configuration[section + ":IdTokenAudience"];
        var http = services.AddHttpClient(name)
            .RemoveAllLoggers() // per-request Information logs are noise; the clients log retries and failures themselves
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(5),
            })
            .ConfigureHttpClient((sp, client) =>
            {
                client.Timeout = Timeout.InfiniteTimeSpan;
                var options = sp.GetRequiredService<IOptions<TOptions>>().Value;
                if (string.IsNullOrEmpty(options.IdTokenAudience) && !string.IsNullOrEmpty(options.ApiKey))
                {
                    client.DefaultRequestHeaders.Authorization = new("Bearer", options.ApiKey);
                }
            });
        if (!string.IsNullOrWhiteSpace(audience))
        {
            http.AddHttpMessageHandler(sp => new IdTokenHandler(sp.GetRequiredService<IIdTokenSource>(), audience, sp.GetRequiredService<TimeProvider>()));
        }

        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<TClient>(
            sp, sp.GetRequiredService<IHttpClientFactory>().CreateClient(name), sp.GetRequiredService<IOptions<TOptions>>().Value));
    }
}

using System.ComponentModel.DataAnnotations;

namespace VoiceConnector.Edge.Ai.Http;

/// <summary>Settings every HTTP AI service shares (bound from <c>Ai:Ollama</c>, <c>Ai:Whisper</c>, <c>Ai:Piper</c>).</summary>
public abstract class HttpServiceOptions
{
    /// <summary>Base URL of the service, e.g. <c>http://127.0.0.1:11434</c>. Empty: the local engine is used instead.</summary>
    public Uri? Url { get; set; }

    /// <summary>Whole-request limit, including reading a streamed body.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after a connection failure, 429 or 5xx, only before any of the response was consumed.</summary>
    [Range(0, 5)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; doubles per retry (with jitter).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// When set, every request carries a Google-signed OIDC ID token for this audience (Cloud Run service-to-service
    /// auth; the audience is usually the service's URL). Credentials come from Application Default Credentials.
    /// </summary>
    public string? IdTokenAudience { get; set; }

    /// <summary>Optional static bearer key (e.g. a speaches API key). Ignored when an ID token audience is set.</summary>
    public string? ApiKey { get; set; }

    /// <summary><see cref="Url"/> with a trailing slash, so relative request paths keep any path prefix.</summary>
    public Uri? BaseAddress() =>
        Url is null ? null : Url.AbsoluteUri.EndsWith('/') ? Url : new Uri(Url.AbsoluteUri + "/");
}

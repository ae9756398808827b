namespace VoiceConnector.Functions.Configuration;

/// <summary>How calls reach the edge and how the edge authenticates (<c>Edge:*</c>).</summary>
public sealed class EdgeOptions
{
    public const string Section = "Edge";

    /// <summary>The edge's public Media Streams WebSocket URL (wss://.../twilio/media); unset: Twilio calls get the spoken fallback.</summary>
    public Uri? MediaStreamUrl { get; set; }

    /// <summary>SIP URI of the edge for numbers routed over SIP, e.g. <c>sip:edge.example.com;transport=tcp</c>; the called number becomes its user part.</summary>
    public string SipUri { get; set => field = value ?? ""; } = "";

    /// <summary>Secret shared with the edge (<c>Authorization: Bearer</c>); unset: the edge endpoints answer 401.</summary>
    public string Key { get; set => field = value ?? ""; } = "";

    /// <summary>
    /// The edge's health URL (e.g. https://edge.example.com/health). When set, Twilio calls get the spoken fallback
    /// while it does not answer 2xx (checked at most every <see cref="HealthCacheSeconds"/>).
    /// </summary>
    public Uri? HealthUrl { get; set; }

    public int HealthCacheSeconds { get; set; } = 5;

    public int HealthTimeoutMs { get; set; } = 1_000;

    /// <summary>
    /// URLs of the AI services (STT, LLM, TTS) to ping on every voice webhook, fire-and-forget, so a service scaled to
    /// zero starts while the call is ringing (e.g. Ollama's <c>/api/version</c>). Empty: no warm-up.
    /// </summary>
    public IList<Uri> WarmUpUrls { get; } = [];

    /// <summary>Timeout of one warm-up request.</summary>
    public int WarmUpTimeoutMs { get; set; } = 2_000;

    /// <summary>The most the TwiML waits for the warm-up requests to be answered (0-50 ms; 0: not at all).</summary>
    public int WarmUpHeadStartMs { get; set; } = 5;

    /// <summary>What a caller hears when the number has no agent or the edge is unavailable.</summary>
    public string FallbackMessage { get; set => field = string.IsNullOrWhiteSpace(value) ? DefaultFallbackMessage : value; } = DefaultFallbackMessage;

    /// <summary>
    /// What a caller hears when a Media Stream ends without the agent hanging up (the edge failed, restarted or could
    /// not be reached): it follows <c>&lt;/Connect&gt;</c> in the TwiML, so Twilio plays it when the socket closes.
    /// </summary>
    public string StreamFailureMessage { get; set => field = string.IsNullOrWhiteSpace(value) ? DefaultStreamFailureMessage : value; } = DefaultStreamFailureMessage;

    private const string DefaultStreamFailureMessage = "Sorry, we lost the connection to the assistant. Please call again. Goodbye.";

    private const string DefaultFallbackMessage = "Sorry, this number cannot take your call right now. Please try again later. Goodbye.";
}

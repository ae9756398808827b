namespace VoiceConnector.Edge.Twilio;

/// <summary>Configuration section <c>Twilio</c> of the edge (Media Streams).</summary>
public sealed class TwilioOptions
{
    public const string Section = "Twilio";

    /// <summary>The account's auth token: the key of <c>X-Twilio-Signature</c>. Secret; used for nothing else.</summary>
    public string? AuthToken { get; set; }

    /// <summary>The public <c>wss://</c> URL exactly as written in <c>&lt;Stream url&gt;</c>: the URL Twilio signs.</summary>
    public string? MediaStreamUrl { get; set; }

    /// <summary>Checks the handshake signature. Turn off only for local development (a warning is logged at start).</summary>
    public bool ValidateSignature { get; set; } = true;

    /// <summary>Also accepts a signature over the URL rebuilt from <c>X-Forwarded-Proto</c>/<c>X-Forwarded-Host</c>.</summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>Largest WebSocket message accepted; a bigger one closes the stream (1009).</summary>
    public int MaxMessageBytes { get; set; } = 64 * 1024;

    /// <summary>How far ahead of real time outgoing audio may be at Twilio (its buffer), in ms (20-200).</summary>
    public int PlayoutLeadMs { get; set; } = 60;

    /// <summary>A <c>mark</c> follows at least this much audio, and every utterance's end, in ms.</summary>
    public int MarkIntervalMs { get; set; } = 100;

    /// <summary>Seconds a new socket may wait for <c>start</c> before it is closed.</summary>
    public int StartTimeoutSeconds { get; set; } = 10;

    /// <summary>At shutdown, live streams may finish for this long before they are closed.</summary>
    public int DrainTimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// After the drain, the agents of streams still open are asked to end their calls (a spoken goodbye, then a hang-up
    /// through the functions app) and get this long before the streams are closed. 0 closes them at once.
    /// </summary>
    public int FarewellSeconds { get; set; } = 5;

    /// <summary>
    /// New streams are refused (503 before the upgrade) while the busiest pacing thread spends more than this share of
    /// its 20 ms tick working, as SIP calls are above Rtp:MaxPacingLoad: an overloaded edge keeps its streams on time.
    /// </summary>
    public double MaxPacingLoad { get; set; } = 0.75;

    /// <summary>
    /// New streams are also refused (503) while work queued to the thread pool waits longer than this many
    /// milliseconds (<see cref="Media.ThreadPoolLag"/>): the agents run there at normal priority, so this is what shows
    /// first when the process has more work than cores.
    /// </summary>
    public int MaxThreadPoolLagMs { get; set; } = 100;

    /// <summary>
    /// New streams are also refused (503) while the machine's cores are busier than this share (<see cref="Media.CpuLoad"/>,
    /// smoothed over about a second); 1 turns the check off.
    /// </summary>
    public double MaxCpuLoad { get; set; } = 0.85;
}

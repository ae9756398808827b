using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// <c>/twilio/media</c>: checks the handshake signature (403 before any upgrade), refuses new streams while draining
/// or while the edge is overloaded (503: pacing threads above Twilio:MaxPacingLoad, thread pool lagging more than
/// Twilio:MaxThreadPoolLagMs, cores busier than Twilio:MaxCpuLoad), accepts the WebSocket and runs a
/// <see cref="TwilioMediaStreamSession"/> on it.
/// </summary>
internal sealed partial class TwilioMediaStreamEndpoint
{
    public const string Path = "/twilio/media";

    private readonly TwilioHandshakeAuthenticator authenticator;
    private readonly TwilioStreamRegistry registry;
    private readonly TwilioSessionServices services;
    private readonly AdmissionLimits admission;

    public TwilioMediaStreamEndpoint(TwilioHandshakeAuthenticator authenticator, TwilioStreamRegistry registry, TwilioSessionServices services)
    {
        this.authenticator = authenticator;
        this.registry = registry;
        this.services = services;
        admission = new AdmissionLimits(TwilioOptions.Section, services.Options.MaxPacingLoad, services.Options.MaxThreadPoolLagMs, services.Options.MaxCpuLoad);
    }

    public async Task HandleAsync(HttpContext context)
    {
        if (!authenticator.IsAuthentic(context.Request))
        {
            services.Metrics.HandshakesRejected.Add(1, new KeyValuePair<string, object?>("reason", "signature"));
            LogBadSignature(services.Logger, context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            services.Metrics.HandshakesRejected.Add(1, new KeyValuePair<string, object?>("reason", "not-websocket"));
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (!registry.IsAccepting)
        {
            services.Metrics.HandshakesRejected.Add(1, new KeyValuePair<string, object?>("reason", "draining"));
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (Overload() is { } overload)
        {
            services.Metrics.HandshakesRejected.Add(1, new KeyValuePair<string, object?>("reason", "overloaded"));
            LogOverloaded(services.Logger, overload);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var session = new TwilioMediaStreamSession(socket, services);
        using var registration = registry.Add(session);
        await session.RunAsync(context.RequestAborted);
    }

    /// <summary>Why the edge cannot take another stream now, or null.</summary>
    private string? Overload() => admission.Refusal(services.Clock, services.ThreadPoolLag, services.CpuLoad);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media Streams handshake refused: {Reason}")]
    private static partial void LogOverloaded(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media Streams handshake from {Remote} refused: bad or missing X-Twilio-Signature")]
    private static partial void LogBadSignature(ILogger logger, string remote);
}

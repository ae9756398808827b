namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// <c>/twilio/media</c>: checks the handshake signature (403 before any upgrade), refuses new streams while draining
/// or while the pacing threads are above Twilio:MaxPacingLoad or the thread pool lags more than
/// Twilio:MaxThreadPoolLagMs (503), accepts the WebSocket and runs a
/// <see cref="TwilioMediaStreamSession"/> on it.
/// </summary>
internal sealed partial class TwilioMediaStreamEndpoint
{
    public const string Path = "/twilio/media";

    private readonly TwilioHandshakeAuthenticator authenticator;
    private readonly TwilioStreamRegistry registry;
    private readonly TwilioSessionServices services;

    public TwilioMediaStreamEndpoint(TwilioHandshakeAuthenticator authenticator, TwilioStreamRegistry registry, TwilioSessionServices services)
    {
        this.authenticator = authenticator;
        this.registry = registry;
        this.services = services;
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

        if (services.Clock.Load > services.Options.MaxPacingLoad)
        {
            services.Metrics.HandshakesRejected.Add(1, new KeyValuePair<string, object?>("reason", "overloaded"));
            LogOverloaded(services.Logger, services.Clock.Load, services.Options.MaxPacingLoad);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        if (services.ThreadPoolLag.Milliseconds > services.Options.MaxThreadPoolLagMs)
        {
            services.Metrics.HandshakesRejected.Add(1, new KeyValuePair<string, object?>("reason", "overloaded"));
            LogThreadPoolLagging(services.Logger, services.ThreadPoolLag.Milliseconds, services.Options.MaxThreadPoolLagMs);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var session = new TwilioMediaStreamSession(socket, services);
        using var registration = registry.Add(session);
        await session.RunAsync(context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media Streams handshake refused: the pacing threads are {Load:P0} busy (limit {Limit:P0}, Twilio:MaxPacingLoad)")]
    private static partial void LogOverloaded(ILogger logger, double load, double limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media Streams handshake refused: thread pool work waits {Lag:F0} ms (limit {Limit} ms, Twilio:MaxThreadPoolLagMs)")]
    private static partial void LogThreadPoolLagging(ILogger logger, double lag, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media Streams handshake from {Remote} refused: bad or missing X-Twilio-Signature")]
    private static partial void LogBadSignature(ILogger logger, string remote);
}

using System.Globalization;

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
    private string? Overload()
    {
        var options = services.Options;
        if (services.Clock.Load > options.MaxPacingLoad)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the pacing threads are {services.Clock.Load:P0} busy (limit {options.MaxPacingLoad:P0}, Twilio:MaxPacingLoad)");
        }

        if (services.ThreadPoolLag.Milliseconds > options.MaxThreadPoolLagMs)
        {
            return string.Create(CultureInfo.InvariantCulture, $"thread pool work waits {services.ThreadPoolLag.Milliseconds:F0} ms (limit {options.MaxThreadPoolLagMs} ms, Twilio:MaxThreadPoolLagMs)");
        }

        return options.MaxCpuLoad < 1 && services.CpuLoad.Value > options.MaxCpuLoad
            ? string.Create(CultureInfo.InvariantCulture, $"the cores are {services.CpuLoad.Value:P0} busy (limit {options.MaxCpuLoad:P0}, Twilio:MaxCpuLoad)")
            : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media Streams handshake refused: {Reason}")]
    private static partial void LogOverloaded(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Media Streams handshake from {Remote} refused: bad or missing X-Twilio-Signature")]
    private static partial void LogBadSignature(ILogger logger, string remote);
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// The live Media Streams of this edge. At shutdown new streams are refused (503) and live ones may finish for
/// <see cref="TwilioOptions.DrainTimeoutSeconds"/>; the agents of those still open are then asked to end their calls
/// (a spoken goodbye) and get <see cref="TwilioOptions.FarewellSeconds"/>, then what is left is closed (1001). Warns at start when
/// signature validation is switched off, or on without an auth token (then every stream is refused).
/// </summary>
internal sealed partial class TwilioStreamRegistry : IHostedService, IDisposable
{
    private readonly ConcurrentDictionary<TwilioMediaStreamSession, byte> live = new();
    private readonly TwilioOptions options;
    private readonly IHostApplicationLifetime lifetime;
    private readonly ILogger<TwilioStreamRegistry> logger;
    private readonly TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenRegistration stopping;
    private Timer? drainTimer;
    private Timer? farewellTimer;
    private volatile bool accepting = true;

    public TwilioStreamRegistry(IOptions<TwilioOptions> options, IHostApplicationLifetime lifetime, ILogger<TwilioStreamRegistry> logger)
    {
        this.options = options.Value;
        this.lifetime = lifetime;
        this.logger = logger;
    }

    /// <summary>False once the application is stopping.</summary>
    public bool IsAccepting => accepting;

    public int Count => live.Count;

    /// <summary>Tracks a session until the result is disposed.</summary>
    public IDisposable Add(TwilioMediaStreamSession session)
    {
        live.TryAdd(session, 0);
        return new Registration(this, session);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.ValidateSignature)
        {
            LogValidationOff(logger);
        }
        else if (string.IsNullOrEmpty(options.AuthToken))
        {
            LogNoAuthToken(logger);
        }

        stopping = lifetime.ApplicationStopping.Register(BeginDrain);
        return Task.CompletedTask;
    }

    /// <summary>Waits for the live streams to end (the drain period closes them).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        BeginDrain();
        await drained.Task.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose()
    {
        stopping.Dispose();
        drainTimer?.Dispose();
        farewellTimer?.Dispose();
    }

    private void BeginDrain()
    {
        if (!accepting)
        {
            return;
        }

        accepting = false;
        LogDraining(logger, live.Count, options.DrainTimeoutSeconds);
        CheckDrained();
        drainTimer = new Timer(_ => AskAllToEnd(), null, TimeSpan.FromSeconds(options.DrainTimeoutSeconds), Timeout.InfiniteTimeSpan);
    }

    private void AskAllToEnd()
    {
        foreach (var session in live.Keys)
        {
            session.RequestEnd();
        }

        farewellTimer = new Timer(_ => CloseAll(), null, TimeSpan.FromSeconds(options.FarewellSeconds), Timeout.InfiniteTimeSpan);
    }

    private void CloseAll()
    {
        foreach (var session in live.Keys)
        {
            session.Shutdown();
        }
    }

    private void Remove(TwilioMediaStreamSession session)
    {
        live.TryRemove(session, out _);
        CheckDrained();
    }

    private void CheckDrained()
    {
        if (!accepting && live.IsEmpty)
        {
            drained.TrySetResult();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio:ValidateSignature is false: Media Streams handshakes are NOT authenticated (local development only)")]
    private static partial void LogValidationOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Twilio:AuthToken is not set: every Media Streams handshake is refused (403)")]
    private static partial void LogNoAuthToken(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: draining {Count} media streams for up to {Seconds} s")]
    private static partial void LogDraining(ILogger logger, int count, int seconds);

    private sealed class Registration(TwilioStreamRegistry registry, TwilioMediaStreamSession session) : IDisposable
    {
        public void Dispose() => registry.Remove(session);
    }
}

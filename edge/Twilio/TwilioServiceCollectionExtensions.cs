using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Twilio;

/// <summary>Registers the Twilio Media Streams WebSocket endpoint.</summary>
public static class TwilioServiceCollectionExtensions
{
    public static IServiceCollection AddEdgeTwilio(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.Section)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>());
        services.AddOptions<FunctionsCallControlOptions>().Bind(configuration.GetSection(FunctionsCallControlOptions.Section));
        services.AddHttpClient<FunctionsCallControl>(http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddMetrics();
        services.TryAddSingleton<IPacingClock, PacingClock>();
        services.TryAddSingleton<ThreadPoolLag>();
        services.TryAddSingleton<CpuLoad>();
        services.TryAddSingleton<TwilioMetrics>();
        services.TryAddSingleton<TwilioHandshakeAuthenticator>();
        services.TryAddSingleton<TwilioSessionServices>();
        services.TryAddSingleton<TwilioMediaStreamEndpoint>();
        services.TryAddSingleton<TwilioStreamRegistry>();
        services.AddHostedService(provider => provider.GetRequiredService<TwilioStreamRegistry>());

        // Live calls drain for Twilio:DrainTimeoutSeconds at shutdown, then have Twilio:FarewellSeconds to say goodbye:
        // give the host that long, and a little more.
        var drain = TimeSpan.FromSeconds(
            configuration.GetValue($"{TwilioOptions.Section}:{nameof(TwilioOptions.DrainTimeoutSeconds)}", 30)
            + configuration.GetValue($"{TwilioOptions.Section}:{nameof(TwilioOptions.FarewellSeconds)}", 5) + 10);
        services.PostConfigure<HostOptions>(host => host.ShutdownTimeout = host.ShutdownTimeout < drain ? drain : host.ShutdownTimeout);
        return services;
    }

    public static IEndpointRouteBuilder MapEdgeTwilio(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        // The overload probes start now, so they have readings (and /metrics their gauge) before the first stream.
        endpoints.ServiceProvider.GetRequiredService<ThreadPoolLag>();
        endpoints.ServiceProvider.GetRequiredService<CpuLoad>();
        endpoints.Map(
            TwilioMediaStreamEndpoint.Path,
            context => context.RequestServices.GetRequiredService<TwilioMediaStreamEndpoint>().HandleAsync(context));
        return endpoints;
    }
}

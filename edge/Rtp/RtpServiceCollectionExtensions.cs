using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Rtp;

/// <summary>Registers RTP media: options (validated at start), the port allocator, the pacing clock and the session factory.</summary>
public static class RtpServiceCollectionExtensions
{
    public static IServiceCollection AddEdgeRtp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RtpOptions>().Bind(configuration.GetSection("Rtp")).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RtpOptions>, RtpOptionsValidator>());
        services.AddMetrics();
        services.TryAddSingleton<RtpMetrics>();
        services.TryAddSingleton<RtpPortAllocator>();
        services.TryAddSingleton<IPacingClock, PacingClock>();
        services.TryAddSingleton<ThreadPoolLag>();
        services.TryAddSingleton<CpuLoad>();
        services.TryAddSingleton<IRtpSessionFactory, RtpSessionFactory>();
        return services;
    }
}

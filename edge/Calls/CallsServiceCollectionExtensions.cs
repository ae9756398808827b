using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VoiceConnector.Edge.Calls;

/// <summary>Registers the live-call registry, health and metrics.</summary>
public static class CallsServiceCollectionExtensions
{
    public static IServiceCollection AddEdgeCalls(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<ICallAgent, EchoAgent>();
        services.AddHealthChecks();
        return services;
    }

    public static IEndpointRouteBuilder MapEdgeCalls(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/health");
        return endpoints;
    }
}

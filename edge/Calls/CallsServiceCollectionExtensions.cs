using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceConnector.Edge.Calls.Metrics;

namespace VoiceConnector.Edge.Calls;

/// <summary>Registers the live-call registry, health and metrics.</summary>
public static class CallsServiceCollectionExtensions
{
    public static IServiceCollection AddEdgeCalls(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton<ICallAgent, EchoAgent>();
        services.AddSingleton<MetricsExporter>();
        services.AddHealthChecks();
        return services;
    }

    public static IEndpointRouteBuilder MapEdgeCalls(this IEndpointRouteBuilder endpoints)
    {
        // Created now, not on the first scrape, so that nothing recorded before it is missed.
        _ = endpoints.ServiceProvider.GetRequiredService<MetricsExporter>();
        endpoints.MapHealthChecks("/health");
        endpoints.MapGet("/metrics", (MetricsExporter exporter) => Results.Text(exporter.Render(), "text/plain; version=0.0.4"));
        return endpoints;
    }
}

using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Calls.Functions;
using VoiceConnector.Edge.Calls.Metrics;
using VoiceConnector.Edge.Calls.Records;

namespace VoiceConnector.Edge.Calls;

/// <summary>Registers what every call needs whatever its transport: agent lookup, call records, health and metrics.</summary>
public static class CallsServiceCollectionExtensions
{
    public static IServiceCollection AddEdgeCalls(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ICallAgent, EchoAgent>();
        services.AddSingleton<MetricsExporter>();
        services.AddHealthChecks();

        services.AddOptions<FunctionsOptions>()
            .Bind(configuration.GetSection(FunctionsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<OutboxOptions>()
            .Bind(configuration.GetSection(OutboxOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // One long-lived client; connections are recycled so DNS changes (Cloud Run) are picked up.
        services.AddSingleton(sp => new FunctionsClient(
            new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) }),
            sp.GetRequiredService<IOptions<FunctionsOptions>>()));
        services.AddSingleton<CallRecordOutbox>();
        services.AddSingleton<ICallRecordSink>(sp => sp.GetRequiredService<CallRecordOutbox>());
        services.AddHostedService(sp => sp.GetRequiredService<CallRecordOutbox>());

        if (configuration.GetSection(FunctionsOptions.SectionName)["BaseUrl"] is { Length: > 0 })
        {
            services.TryAddSingleton<IAgentResolver, FunctionsAgentResolver>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapEdgeCalls(this IEndpointRouteBuilder endpoints)
    {
        // Created now, not on the first scrape, so that nothing recorded before it is missed.
        _ = endpoints.ServiceProvider.GetRequiredService<MetricsExporter>();
        endpoints.MapHealthChecks("/health");
        endpoints.MapGet("/metrics", async (MetricsExporter exporter) =>
            Results.Text(await Task.Run(exporter.Render), "text/plain; version=0.0.4")); // off Kestrel's socket thread
        return endpoints;
    }
}

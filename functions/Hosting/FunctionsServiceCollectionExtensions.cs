using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Api;
using VoiceConnector.Functions.Api.Agents;
using VoiceConnector.Functions.Api.Calls;
using VoiceConnector.Functions.Api.Numbers;
using VoiceConnector.Functions.Configuration;
using VoiceConnector.Functions.EdgeFacing;
using VoiceConnector.Functions.Observability;
using VoiceConnector.Functions.Storage;
using VoiceConnector.Functions.Twilio;
using VoiceConnector.Functions.Webhooks;

namespace VoiceConnector.Functions.Hosting;

/// <summary>Registers options (validated at start), storage, handlers and the Twilio client of the functions app.</summary>
public static class FunctionsServiceCollectionExtensions
{
    public static IServiceCollection AddFunctionsApp(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageOptions>().Bind(configuration.GetSection(StorageOptions.Section)).ValidateOnStart();
        services.AddOptions<FunctionsOptions>().Bind(configuration.GetSection(FunctionsOptions.Section)).ValidateOnStart();
        services.AddOptions<EdgeOptions>().Bind(configuration.GetSection(EdgeOptions.Section)).ValidateOnStart();
        services.AddOptions<ApiKeyOptions>().Bind(configuration.GetSection(ApiKeyOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddSingleton<EndpointOptionsValidator>();
        services.AddSingleton<IValidateOptions<FunctionsOptions>>(sp => sp.GetRequiredService<EndpointOptionsValidator>());
        services.AddSingleton<IValidateOptions<EdgeOptions>>(sp => sp.GetRequiredService<EndpointOptionsValidator>());
        services.AddSingleton<IValidateOptions<ApiKeyOptions>>(sp => sp.GetRequiredService<EndpointOptionsValidator>());
        services.AddSingleton<IPostConfigureOptions<ApiKeyOptions>, LocalPepper>();

        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<FunctionsMetrics>();
        services.AddTwilioRestClient(configuration);

        services.AddSingleton<Database>();
        services.AddSingleton<SchemaMigrator>();
        services.AddHostedService<SchemaMigrationService>();
        services.AddSingleton<ApiKeyHasher>();
        services.AddSingleton<TenantStore>();
        services.AddSingleton<AgentStore>();
        services.AddSingleton<NumberStore>();
        services.AddSingleton<IdempotencyStore>();
        services.AddSingleton<CallStore>();

        services.AddSingleton<IdempotentExecution>();
        services.AddSingleton<AgentHandlers>();
        services.AddSingleton<NumberHandlers>();
        services.AddSingleton<CallHandlers>();
        services.AddSingleton<EdgeConnectTwiml>();
        services.AddHttpClient(EdgeHealth.HttpClientName);
        services.AddSingleton<EdgeHealth>();
        services.AddSingleton<TwilioWebhookVerifier>();
        services.AddSingleton<TwilioVoiceHandler>();
        services.AddSingleton<TwilioStatusHandler>();
        services.AddSingleton<EdgeKeyVerifier>();
        services.AddSingleton<EdgeHandlers>();

        services.AddProblemDetails();
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddHealthChecks();
        return services;
    }

    /// <summary>Maps every route of the app.</summary>
    public static WebApplication MapFunctionsEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.MapHealthChecks("/health");
        app.MapOpenApi();
        app.MapProvisioningApi();
        app.MapTwilioWebhooks();
        app.MapEdgeEndpoints();
        return app;
    }
}

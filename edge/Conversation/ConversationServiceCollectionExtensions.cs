using Microsoft.Extensions.DependencyInjection.Extensions;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Conversation.Fallbacks;
using VoiceConnector.Edge.Conversation.Metrics;

namespace VoiceConnector.Edge.Conversation;

/// <summary>Registers the conversation pipeline as the edge's call agent (the echo test stays available as agent "echo").</summary>
public static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ConversationAgent"/> as <see cref="ICallAgent"/> and, when <c>Agents:File</c> is set, the
    /// <see cref="FileAgentResolver"/> as <see cref="IAgentResolver"/>. The AI services it needs (IChatClient,
    /// ISpeechToTextClient, ITextToSpeechClient, IVoiceActivityDetectorFactory) are registered by the AI clients.
    /// </summary>
    public static IServiceCollection AddEdgeConversation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ConversationOptions>()
            .Bind(configuration.GetSection(ConversationOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<ConversationMetrics>();
        services.TryAddSingleton<FallbackPromptLibrary>();
        services.TryAddSingleton<ConversationServices>();
        services.TryAddSingleton<EchoAgent>();
        services.Replace(ServiceDescriptor.Singleton<ICallAgent, ConversationAgent>());

        if (!string.IsNullOrWhiteSpace(configuration[$"{FileAgentResolverOptions.SectionName}:File"]))
        {
            services.AddOptions<FileAgentResolverOptions>()
                .Bind(configuration.GetSection(FileAgentResolverOptions.SectionName))
                .ValidateDataAnnotations()
                .Validate(o => FileAgentResolver.IsValidFile(o.File), "Agents:File must be a readable JSON object mapping numbers to agents.")
                .ValidateOnStart();
            services.Replace(ServiceDescriptor.Singleton<IAgentResolver, FileAgentResolver>());
        }

        return services;
    }
}

using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace VoiceConnector.Functions.Twilio;

/// <summary>Registers <see cref="ITwilioRestClient"/> with its options (section <c>Twilio</c>, validated at start).</summary>
public static class TwilioServiceCollectionExtensions
{
    public static IServiceCollection AddTwilioRestClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<TwilioOptions>().Bind(configuration.GetSection(TwilioOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // The client applies its own per-attempt timeout; HttpClient's overall timeout would cut retries short.
        services.AddHttpClient<ITwilioRestClient, TwilioRestClient>(client => client.Timeout = Timeout.InfiniteTimeSpan);
        return services;
    }
}

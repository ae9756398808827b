using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Sip.Access;

namespace VoiceConnector.Edge.Sip;

/// <summary>Registers the SIP stack (transports, transactions, UAS) as a hosted service.</summary>
public static class SipServiceCollectionExtensions
{
    public static IServiceCollection AddEdgeSip(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SipOptions>().Bind(configuration.GetSection(SipOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SipOptions>, SipOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SipAccessPolicy>();
        services.TryAddSingleton<DigestAuthenticator>();
        services.TryAddSingleton<SipHostedService>();
        services.AddHostedService(sp => sp.GetRequiredService<SipHostedService>());

        // Live calls drain for Sip:DrainTimeoutSeconds at shutdown, then have Sip:FarewellSeconds to say goodbye: give
        // the host that long, and a little more.
        var drain = TimeSpan.FromSeconds(
            configuration.GetValue($"{SipOptions.SectionName}:{nameof(SipOptions.DrainTimeoutSeconds)}", 30)
            + configuration.GetValue($"{SipOptions.SectionName}:{nameof(SipOptions.FarewellSeconds)}", 5) + 10);
        services.PostConfigure<HostOptions>(host => host.ShutdownTimeout = host.ShutdownTimeout < drain ? drain : host.ShutdownTimeout);
        return services;
    }
}

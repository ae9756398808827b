using Microsoft.AspNetCore.Connections;

namespace VoiceConnector.Edge.Media;

/// <summary>Gives Kestrel's sockets the <see cref="LockedBlockMemoryPool"/>.</summary>
public static class SocketMemoryPoolServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LockedBlockMemoryPoolFactory"/> as the <see cref="IMemoryPoolFactory{T}"/> Kestrel's socket
    /// transport takes its pools from. Kestrel adds its own factory (not TryAdd) when it is set up, and the last one
    /// registered wins: call this after anything that sets Kestrel up.
    /// </summary>
    public static IServiceCollection AddLockedSocketMemoryPool(this IServiceCollection services)
    {
        services.AddSingleton<LockedBlockMemoryPoolFactory>();
        services.AddSingleton<IMemoryPoolFactory<byte>>(provider => provider.GetRequiredService<LockedBlockMemoryPoolFactory>());
        return services;
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Tests.Media;

public sealed class SocketMemoryPoolServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddLockedSocketMemoryPool_AfterTheSlimBuilder_KestrelSocketsRentFromIt()
    {
        // The same order as the edge's Program: the slim builder sets Kestrel up, then the edge registers its pool.
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseSockets();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddLockedSocketMemoryPool();
        await using var app = builder.Build();
        app.MapGet("/", () => "hello");
        await app.StartAsync();
        var pools = app.Services.GetRequiredService<LockedBlockMemoryPoolFactory>();

        using var http = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
        Assert.Equal("hello", await http.GetStringAsync(new Uri("/", UriKind.Relative)));

        Assert.True(pools.Rented > 0, "the socket transport did not rent from the locked pool");
        await app.StopAsync();
    }

    [Fact]
    public void EdgeProgram_MemoryPoolFactory_IsTheLockedOne()
    {
        using var edge = new WebApplicationFactory<Program>().WithWebHostBuilder(host =>
        {
            host.UseSetting("Twilio:AuthToken", "0123456789abcdef0123456789abcdef");
            host.UseSetting("Twilio:MediaStreamUrl", "wss://edge.example.test/twilio/media");
            host.UseSetting("Sip:ListenAddress", "127.0.0.1");
            host.UseSetting("Sip:Port", "0");
        });

        Assert.IsType<LockedBlockMemoryPoolFactory>(edge.Services.GetRequiredService<IMemoryPoolFactory<byte>>());
    }
}

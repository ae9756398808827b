using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceConnector.Functions.Tests.Infrastructure;

/// <summary>A stand-in for the edge's <c>/health</c> on 127.0.0.1 (ephemeral port) that counts the probes it answers.</summary>
public sealed class HealthyEdge : IAsyncDisposable
{
    private readonly WebApplication app;
    private int probes;

    private HealthyEdge(WebApplication app) => this.app = app;

    public Uri HealthUrl { get; private set; } = null!;

    public int Probes => probes;

    public static async Task<HealthyEdge> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var edge = new HealthyEdge(app);
        app.MapGet("/health", () =>
        {
            Interlocked.Increment(ref edge.probes);
            return Results.Text("ok");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        edge.HealthUrl = new Uri(address + "/health");
        return edge;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

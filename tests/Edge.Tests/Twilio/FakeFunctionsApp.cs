using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Twilio.Protocol;

namespace VoiceConnector.Edge.Tests.Twilio;

/// <summary>
/// The functions app's transfer endpoint as the contract defines it (<see cref="EdgeApi.TransferPath"/>, bearer edge
/// key), on 127.0.0.1 and an ephemeral port: it records each request and answers 202 when the key matches, else 401.
/// </summary>
internal sealed class FakeFunctionsApp : IAsyncDisposable
{
    public const string EdgeKey = "test-edge-key";

    private readonly WebApplication app;

    private FakeFunctionsApp(WebApplication app) => this.app = app;

    public ConcurrentQueue<(string? Authorization, TransferRequest? Body)> Transfers { get; } = new();

    public string BaseUrl => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<FakeFunctionsApp> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeFunctionsApp(app);
        app.MapPost(EdgeApi.TransferPath, async (HttpContext context) =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            var body = await context.Request.ReadFromJsonAsync(TwilioJsonContext.Default.TransferRequest);
            fake.Transfers.Enqueue((authorization, body));
            return authorization == "Bearer " + EdgeKey ? Results.Accepted() : Results.Unauthorized();
        });
        await app.StartAsync();
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

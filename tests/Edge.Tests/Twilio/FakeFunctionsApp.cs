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
/// The functions app's transfer and hang-up endpoints as the contract defines them (<see cref="EdgeApi.TransferPath"/>,
/// <see cref="EdgeApi.HangUpPath"/>, bearer edge key), on 127.0.0.1 and an ephemeral port: it records each request
/// and answers 2xx when the key matches, else 401; <see cref="HangUpStatus"/> overrides the hang-up's answer.
/// </summary>
internal sealed class FakeFunctionsApp : IAsyncDisposable
{
    public const string EdgeKey = "test-edge-key";

    private readonly WebApplication app;

    private FakeFunctionsApp(WebApplication app) => this.app = app;

    public ConcurrentQueue<(string? Authorization, TransferRequest? Body)> Transfers { get; } = new();

    /// <summary>Each hang-up request, with what <see cref="OnHangUp"/> said while it was being handled.</summary>
    public ConcurrentQueue<(string? Authorization, HangUpRequest? Body, bool Observed)> HangUps { get; } = new();

    /// <summary>Evaluated while a hang-up request is handled (e.g. "is the stream still open?").</summary>
    public Func<bool> OnHangUp { get; set; } = () => true;

    /// <summary>Status the hang-up endpoint answers with when the key matches.</summary>
    public int HangUpStatus { get; set; } = StatusCodes.Status200OK;

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
        app.MapPost(EdgeApi.HangUpPath, async (HttpContext context) =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            var body = await context.Request.ReadFromJsonAsync(TwilioJsonContext.Default.HangUpRequest);
            fake.HangUps.Enqueue((authorization, body, fake.OnHangUp()));
            return authorization == "Bearer " + EdgeKey ? Results.StatusCode(fake.HangUpStatus) : Results.Unauthorized();
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

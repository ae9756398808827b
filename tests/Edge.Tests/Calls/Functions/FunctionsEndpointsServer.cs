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

namespace VoiceConnector.Edge.Tests.Calls.Functions;

/// <summary>
/// The functions app's edge-facing endpoints as the edge sees them (paths and auth from <see cref="EdgeApi"/>),
/// served on 127.0.0.1 with switchable failures, for testing the edge's client side in isolation.
/// </summary>
internal sealed class FunctionsEndpointsServer : IAsyncDisposable
{
    public const string Key = "test-edge-key";
    private readonly WebApplication app;

    private FunctionsEndpointsServer(WebApplication app)
    {
        this.app = app;
    }

    public Uri BaseUrl { get; private set; } = null!;

    public ConcurrentDictionary<string, AgentLookup> Agents { get; } = new();

    /// <summary>Records stored, by CallId (idempotent like the real ingestion).</summary>
    public ConcurrentDictionary<string, CallRecord> Records { get; } = new();

    public int RecordPosts;
    public int AgentRequests;

    /// <summary>When set, every request is answered with this status.</summary>
    public HttpStatusCode? FailWith { get; set; }

    public static async Task<FunctionsEndpointsServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FunctionsEndpointsServer(app);
        app.Use(async (context, next) =>
        {
            if (context.Request.Headers.Authorization != "Bearer " + Key)
            {
                context.Response.StatusCode = 401;
                return;
            }

            if (server.FailWith is { } status)
            {
                context.Response.StatusCode = (int)status;
                return;
            }

            await next(context);
        });
        app.MapGet(EdgeApi.AgentByNumberPath, (string number) =>
        {
            Interlocked.Increment(ref server.AgentRequests);
            return server.Agents.TryGetValue(number, out var lookup) ? Results.Ok(lookup) : Results.NotFound();
        });
        app.MapPost(EdgeApi.CallRecordsPath, (CallRecord record) =>
        {
            Interlocked.Increment(ref server.RecordPosts);
            server.Records.TryAdd(record.CallId, record);
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

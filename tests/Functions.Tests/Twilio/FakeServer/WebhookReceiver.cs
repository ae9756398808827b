using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceConnector.Contracts.Twilio;

namespace VoiceConnector.Functions.Tests.Twilio.FakeServer;

/// <summary>A local webhook endpoint (127.0.0.1, ephemeral port) that checks X-Twilio-Signature and answers TwiML.</summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Twiml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Hangup/></Response>";
    private readonly WebApplication app;
    private readonly TwilioSignature signature;

    private WebhookReceiver(WebApplication app, string authToken)
    {
        this.app = app;
        signature = new TwilioSignature(authToken);
    }

    public ConcurrentQueue<(string Path, IReadOnlyList<KeyValuePair<string, string>> Form, bool SignatureValid)> Received { get; } = new();

    public Uri BaseUrl { get; private set; } = null!;

    public static async Task<WebhookReceiver> StartAsync(string authToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, authToken);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseUrl = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var form = (await context.Request.ReadFormAsync()).SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? ""))).ToList();
        var url = new Uri(BaseUrl, context.Request.Path.Value).ToString();
        var valid = signature.IsValid(url, form, context.Request.Headers["X-Twilio-Signature"]);
        Received.Enqueue((context.Request.Path.Value ?? "", form, valid));
        context.Response.StatusCode = valid ? 200 : 403;
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync(valid ? Twiml : "");
    }
}

using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceConnector.TwilioFake.Operations;
using VoiceConnector.TwilioFake.Responses;
using VoiceConnector.TwilioFake.Spec;
using VoiceConnector.TwilioFake.State;
using VoiceConnector.TwilioFake.Webhooks;

namespace VoiceConnector.TwilioFake;

/// <summary>
/// A local Twilio REST API (Kestrel on 127.0.0.1, ephemeral port) driven by Twilio's OpenAPI spec, loaded at run
/// time: it routes, authenticates and validates every request against the spec, answers with JSON built from the
/// spec's schemas, keeps numbers and calls as state, records every request and every <see cref="Violations"/>, and
/// injects failures on demand (<see cref="Faults"/>). <see cref="Calls"/> plays Twilio calling webhooks.
/// </summary>
public sealed class FakeTwilioServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly FakeRequestPipeline pipeline;
    private readonly CancellationTokenSource stopping;
    private readonly HttpClient webhookClient;

    private FakeTwilioServer(WebApplication app, FakeRequestPipeline pipeline, CancellationTokenSource stopping, FakeTwilioServerOptions options,
        OpenApiSpec spec, FakeTwilioState state, FaultPlan faults)
    {
        this.app = app;
        this.pipeline = pipeline;
        this.stopping = stopping;
        Options = options;
        Spec = spec;
        State = state;
        Faults = faults;
        webhookClient = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        Webhooks = new TwilioWebhookSender(webhookClient, options.AuthToken);
        Calls = new TwilioCallSimulator(state, Webhooks, options.AccountSid, TimeProvider.System);
    }

    public FakeTwilioServerOptions Options { get; }

    public string AccountSid => Options.AccountSid;

    public string AuthToken => Options.AuthToken;

    /// <summary>Where the client should send requests (<c>Twilio:ApiBaseUrl</c>), e.g. http://127.0.0.1:41234.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public OpenApiSpec Spec { get; }

    public FakeTwilioState State { get; }

    public FaultPlan Faults { get; }

    public TwilioWebhookSender Webhooks { get; }

    public TwilioCallSimulator Calls { get; }

    public IReadOnlyList<RecordedRequest> Requests => [.. pipeline.Requests];

    public IReadOnlyList<SpecViolation> Violations => [.. pipeline.Violations];

    public static async Task<FakeTwilioServer> StartAsync(FakeTwilioServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new FakeTwilioServerOptions();
        var spec = OpenApiSpec.Load(options.SpecPath ?? SpecFileLocator.Find());
        var state = new FakeTwilioState(options.Catalogue);
        var faults = new FaultPlan();
        var dispatcher = new OperationDispatcher(state, new ResponseBuilder(spec));
        var stopping = new CancellationTokenSource();
        var pipeline = new FakeRequestPipeline(spec, dispatcher, faults, options, TimeProvider.System, stopping.Token);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(pipeline.HandleAsync);
        var server = new FakeTwilioServer(app, pipeline, stopping, options, spec, state, faults);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        server.BaseUrl = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        return server;
    }

    /// <summary>The violations so far, one per line, for assertion messages.</summary>
    public string DescribeViolations() => string.Join(Environment.NewLine, Violations);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await app.StopAsync(timeout.Token);
        }

        await app.DisposeAsync();
        webhookClient.Dispose();
        stopping.Dispose();
    }
}

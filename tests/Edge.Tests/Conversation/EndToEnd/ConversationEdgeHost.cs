using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Ai;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Conversation;
using VoiceConnector.Edge.Rtp;
using VoiceConnector.Edge.Sip;
using VoiceConnector.Edge.Tests.Conversation.Fakes;
using VoiceConnector.Edge.Tests.Twilio;
using VoiceConnector.Edge.Twilio;

namespace VoiceConnector.Edge.Tests.Conversation.EndToEnd;

#pragma warning disable MEAI001 // ISpeechToTextClient is [Experimental] in Microsoft.Extensions.AI.Abstractions 10.11.

/// <summary>
/// The edge as deployed locally, in-process, with both transports: SIP + RTP on 127.0.0.1 (ephemeral SIP port, random
/// RTP range) and Twilio Media Streams on <c>/twilio/media</c> (Kestrel on 127.0.0.1, an ephemeral port, signatures
/// checked with <see cref="TwilioEdgeFactory.AuthToken"/>); the embedded engines (flite, PocketSphinx, WebRTC VAD,
/// scripted responder), the conversation agent, and agents from an <c>Agents:File</c>. Call records are captured
/// instead of posted; the STT can be made to fail (a dead endpoint).
/// </summary>
internal sealed class ConversationEdgeHost : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly WebApplication host;
    private readonly string agentsFile;

    private ConversationEdgeHost(WebApplication host, string agentsFile)
    {
        this.host = host;
        this.agentsFile = agentsFile;
        TwilioStreamUri = new Uri(host.Urls.First().Replace("http://", "ws://", StringComparison.Ordinal) + TwilioMediaStreamEndpoint.Path);
    }

    public int SipPort => host.Services.GetRequiredService<SipHostedService>().LocalEndPoint!.Port;

    /// <summary>Where the test's Twilio connects (it signs <see cref="TwilioEdgeFactory.PublicStreamUrl"/>).</summary>
    public Uri TwilioStreamUri { get; }

    public RecordingCallRecordSink Records => host.Services.GetRequiredService<RecordingCallRecordSink>();

    public FailingSpeechToText SpeechToText => host.Services.GetRequiredService<FailingSpeechToText>();

    public ITextToSpeechClient TextToSpeech => host.Services.GetRequiredService<ITextToSpeechClient>();

    public static async Task<ConversationEdgeHost> StartAsync(AgentDefinition agent)
    {
        var agentsFile = Path.Combine(Path.GetTempPath(), "agents-" + Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(agentsFile, JsonSerializer.Serialize(new Dictionary<string, AgentDefinition> { ["*"] = agent }, Json));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("E2E_LOG") == "1")
        {
            builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug).AddFilter("Microsoft", LogLevel.Warning);
        }
        var portMin = 2 * Random.Shared.Next(15_000, 29_000);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sip:ListenAddress"] = "127.0.0.1",
            ["Sip:Port"] = "0",
            ["Rtp:BindAddress"] = "127.0.0.1",
            ["Rtp:PortMin"] = portMin.ToString(CultureInfo.InvariantCulture),
            ["Rtp:PortMax"] = (portMin + 19).ToString(CultureInfo.InvariantCulture),
            ["Agents:File"] = agentsFile,
            ["Ai:Scripted:ChunkDelay"] = "00:00:00",
            ["Twilio:AuthToken"] = TwilioEdgeFactory.AuthToken,
            ["Twilio:MediaStreamUrl"] = TwilioEdgeFactory.PublicStreamUrl,
            ["Twilio:DrainTimeoutSeconds"] = "2",
            ["Sip:DrainTimeoutSeconds"] = "2",
            ["Twilio:MaxThreadPoolLagMs"] = "10000", // a busy test machine is no overloaded edge
            ["Rtp:MaxThreadPoolLagMs"] = "10000",
            ["Rtp:MaxCpuLoad"] = "1",
            ["Twilio:MaxCpuLoad"] = "1",
        });
        builder.Services.AddEdgeCalls(builder.Configuration);
        builder.Services.AddEdgeSip(builder.Configuration);
        builder.Services.AddEdgeRtp(builder.Configuration);
        builder.Services.AddEdgeAi(builder.Configuration);
        builder.Services.AddEdgeTwilio(builder.Configuration);
        builder.Services.AddEdgeConversation(builder.Configuration);
        builder.Services.AddSingleton<RecordingCallRecordSink>();
        builder.Services.Replace(ServiceDescriptor.Singleton<ICallRecordSink>(sp => sp.GetRequiredService<RecordingCallRecordSink>()));
        var engine = builder.Services.Single(d => d.ServiceType == typeof(ISpeechToTextClient));
        builder.Services.Remove(engine);
        builder.Services.AddSingleton(sp => new FailingSpeechToText((ISpeechToTextClient)ActivatorUtilities.CreateInstance(sp, engine.ImplementationType!)));
        builder.Services.AddSingleton<ISpeechToTextClient>(sp => sp.GetRequiredService<FailingSpeechToText>());
        var host = builder.Build();
        host.UseWebSockets();
        host.MapEdgeTwilio();
        await host.StartAsync();
        return new ConversationEdgeHost(host, agentsFile);
    }

    /// <summary>Stops the edge as a SIGTERM would (drain, farewell, hang-up); completes when it has stopped.</summary>
    public async Task StopAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await host.StopAsync(timeout.Token);
        }

        await host.DisposeAsync();
        File.Delete(agentsFile);
    }
}

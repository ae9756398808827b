using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Rtp;
using VoiceConnector.Edge.Sip;

namespace VoiceConnector.Edge.Tests.Sip.Support;

/// <summary>The real edge SIP + RTP stack in-process on 127.0.0.1, SIP on an ephemeral port and a random RTP range.</summary>
internal sealed class SipEdgeHost : IAsyncDisposable
{
    private readonly IHost host;

    private SipEdgeHost(IHost host)
    {
        this.host = host;
        Sip = host.Services.GetRequiredService<SipHostedService>();
    }

    public SipHostedService Sip { get; }

    public int Port => Sip.LocalEndPoint!.Port;

    public IServiceProvider Services => host.Services;

    public static async Task<SipEdgeHost> StartAsync(IDictionary<string, string?>? settings = null, ICallAgent? agent = null, int rtpPairs = 50, TimeProvider? time = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        var portMin = 2 * Random.Shared.Next(15_000, 29_000);
        var config = new Dictionary<string, string?>
        {
            ["Sip:ListenAddress"] = "127.0.0.1",
            ["Sip:Port"] = "0",
            ["Sip:DrainTimeoutSeconds"] = "0", // tests stop hosts with calls up: hang them up at once
            ["Sip:FarewellSeconds"] = "0",
            ["Rtp:MaxThreadPoolLagMs"] = "10000", // the test process shares two cores with parallel tests: its pool may lag
            ["Rtp:MaxCpuLoad"] = "1", // and the cores may be busy with other tests
            ["Rtp:BindAddress"] = "127.0.0.1",
            ["Rtp:PortMin"] = portMin.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rtp:PortMax"] = (portMin + (2 * rtpPairs) - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        if (agent is not null)
        {
            builder.Services.AddSingleton(agent);
        }

        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddEdgeCalls(builder.Configuration);
        builder.Services.AddEdgeSip(builder.Configuration);
        builder.Services.AddEdgeRtp(builder.Configuration);
        var host = builder.Build();
        await host.StartAsync();
        return new SipEdgeHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync(TimeSpan.FromSeconds(5));
        host.Dispose();
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VoiceConnector.Contracts.Twilio;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Tests.Twilio;

/// <summary>The real edge app on Kestrel, 127.0.0.1, an ephemeral port; an optional agent replaces the default.</summary>
internal sealed class TwilioEdgeFactory : WebApplicationFactory<Program>
{
    public const string AuthToken = "0123456789abcdef0123456789abcdef";
    public const string PublicStreamUrl = "wss://edge.example.test/twilio/media";

    private readonly ICallAgent? agent;
    private readonly Dictionary<string, string?> settings = new()
    {
        ["Twilio:AuthToken"] = AuthToken,
        ["Twilio:MediaStreamUrl"] = PublicStreamUrl,
        ["Twilio:ValidateSignature"] = "true",
        ["Twilio:DrainTimeoutSeconds"] = "2",
        ["Sip:DrainTimeoutSeconds"] = "2",

        // The test process shares two cores with parallel tests: its thread pool may lag, and the cores be busy, for
        // reasons no stream has; TwilioOverloadTests sets the production limits back.
        ["Twilio:MaxThreadPoolLagMs"] = "10000",
        ["Rtp:MaxThreadPoolLagMs"] = "10000",
        ["Rtp:MaxCpuLoad"] = "1",
        ["Twilio:MaxCpuLoad"] = "1",
        ["Sip:ListenAddress"] = "127.0.0.1",
        ["Sip:Port"] = "0", // the SIP listener of the same app: any free port, never 5060
    };

    public TwilioEdgeFactory(ICallAgent? agent = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        this.agent = agent;
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        StreamUri = new Uri(address.Replace("http://", "ws://", StringComparison.Ordinal) + "/twilio/media");
    }

    /// <summary>Where the test's Twilio connects (the edge as it listens, not the public URL Twilio signs).</summary>
    public Uri StreamUri { get; }

    /// <summary>The signature Twilio puts on the upgrade to the public stream URL.</summary>
    public static string Sign(string url = PublicStreamUrl, string token = AuthToken) => new TwilioSignature(token).Compute(url, null);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("urls", "http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        if (agent is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(agent));
        }
    }
}

using System.Globalization;
using System.Security.Cryptography;
using VoiceConnector.TwilioFake;

namespace VoiceConnector.EndToEnd.Tests.Support;

/// <summary>
/// The product as deployed, on loopback: the functions app (SQLite file in a temporary folder) and the edge (SIP, RTP,
/// Media Streams, embedded AI engines) as child processes on free ports, wired to each other with a generated edge key,
/// Twilio played by the spec-checked <see cref="FakeTwilioServer"/>. A tenant and its API key are created with the
/// real <c>create-tenant</c> command. Everything is stopped and deleted on dispose.
/// </summary>
internal sealed class LocalSystem : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private readonly string edgeKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
    private readonly string pepper = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
    private readonly IReadOnlyList<Uri> warmUpUrls;
    private readonly IReadOnlyDictionary<string, string> edgeEnvironment;

    private LocalSystem(FakeTwilioServer twilio, IReadOnlyList<Uri> warmUpUrls, IReadOnlyDictionary<string, string> edgeEnvironment)
    {
        Twilio = twilio;
        this.warmUpUrls = warmUpUrls;
        this.edgeEnvironment = edgeEnvironment;
        Folder = Directory.CreateTempSubdirectory("voiceconnector-e2e-").FullName;
        FunctionsPort = FreePort.Tcp();
        EdgePort = FreePort.Tcp();
        SipPort = FreePort.UdpAndTcp();
    }

    public FakeTwilioServer Twilio { get; }

    public string Folder { get; }

    public int FunctionsPort { get; }

    /// <summary>A new folder inside <see cref="Folder"/> (deleted with it).</summary>
    public string NewFolder(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Folder, prefix + "-" + Guid.NewGuid().ToString("N")[..8])).FullName;

    public int EdgePort { get; }

    public int SipPort { get; }

    public Uri FunctionsUrl => new($"http://127.0.0.1:{FunctionsPort.ToString(CultureInfo.InvariantCulture)}");

    public Uri EdgeUrl => new($"http://127.0.0.1:{EdgePort.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The Media Streams URL the TwiML names (and the edge checks signatures against).</summary>
    public string MediaStreamUrl => $"ws://127.0.0.1:{EdgePort.ToString(CultureInfo.InvariantCulture)}/twilio/media";

    public AppProcess? Functions { get; private set; }

    public AppProcess? Edge { get; private set; }

    /// <summary>The provisioning API as the tenant's product team uses it.</summary>
    public ProvisioningApi Api { get; private set; } = null!;

    /// <param name="warmUpUrls">The functions app's <c>Edge:WarmUpUrls</c>.</param>
    /// <param name="edgeEnvironment">Extra settings of the edge (e.g. a remote AI service).</param>
    public static async Task<LocalSystem> StartAsync(IReadOnlyList<Uri>? warmUpUrls = null, IReadOnlyDictionary<string, string>? edgeEnvironment = null)
    {
        var twilio = await FakeTwilioServer.StartAsync();
        var system = new LocalSystem(twilio, warmUpUrls ?? [], edgeEnvironment ?? new Dictionary<string, string>());
        try
        {
            await system.StartFunctionsAsync();
            var apiKey = await system.CreateTenantAsync("E2E");
            system.Api = new ProvisioningApi(system.FunctionsUrl, apiKey);
            await system.StartEdgeAsync();
            return system;
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }
    }

    public async Task StartFunctionsAsync()
    {
        Functions = AppProcess.Start(AppProcess.DllOf("functions", "VoiceConnector.Functions"), FunctionsEnvironment());
        await Functions.WaitHealthyAsync(new Uri(FunctionsUrl, "/health"), StartTimeout);
    }

    /// <summary>Kills the functions app (no graceful shutdown: as a crashed or preempted instance).</summary>
    public async Task StopFunctionsAsync()
    {
        if (Functions is { } functions)
        {
            await functions.DisposeAsync();
            Functions = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Edge is { } edge)
        {
            await edge.DisposeAsync();
        }

        await StopFunctionsAsync();
        Api?.Dispose();
        await Twilio.DisposeAsync();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an exiting process: the temporary folder is cleaned up by the OS.
        }
    }

    private async Task StartEdgeAsync()
    {
        var rtp = FreePort.RtpRange(40);
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = EdgeUrl.ToString().TrimEnd('/'),
            ["Sip__ListenAddress"] = "127.0.0.1",
            ["Sip__Port"] = SipPort.ToString(CultureInfo.InvariantCulture),
            ["Rtp__BindAddress"] = "127.0.0.1",
            ["Rtp__PortMin"] = rtp.ToString(CultureInfo.InvariantCulture),
            ["Rtp__PortMax"] = (rtp + 39).ToString(CultureInfo.InvariantCulture),
            ["Functions__BaseUrl"] = FunctionsUrl.ToString(),
            ["Functions__EdgeKey"] = edgeKey,
            ["Outbox__Directory"] = Path.Combine(Folder, "outbox"),
            ["Outbox__InitialRetryDelaySeconds"] = "0.5",
            ["Outbox__MaxRetryDelaySeconds"] = "2",
            ["Twilio__AuthToken"] = Twilio.AuthToken,
            ["Twilio__MediaStreamUrl"] = MediaStreamUrl,
            ["Twilio__MaxThreadPoolLagMs"] = "10000", // a busy test machine is no overloaded edge
            ["Rtp__MaxThreadPoolLagMs"] = "10000",
            ["Rtp__MaxCpuLoad"] = "1",
            ["Twilio__MaxCpuLoad"] = "1",
        };
        foreach (var (name, value) in edgeEnvironment)
        {
            environment[name] = value;
        }

        Edge = AppProcess.Start(AppProcess.DllOf("edge", "VoiceConnector.Edge"), environment);
        await Edge.WaitHealthyAsync(new Uri(EdgeUrl, "/health"), StartTimeout);
    }

    private async Task<string> CreateTenantAsync(string name)
    {
        await using var command = AppProcess.Start(AppProcess.DllOf("functions", "VoiceConnector.Functions"), FunctionsEnvironment(), "create-tenant", name);
        var exit = await command.WaitForExitAsync(StartTimeout);
        const string Prefix = "api key (shown once): ";
        var line = command.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return exit == 0 && line is not null ? line[Prefix.Length..] : throw new InvalidOperationException("create-tenant failed:\n" + command.Output);
    }

    private Dictionary<string, string> FunctionsEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = FunctionsUrl.ToString().TrimEnd('/'),
            ["Storage__Provider"] = "sqlite",
            ["Storage__ConnectionString"] = "Data Source=" + Path.Combine(Folder, "functions.db"),
            ["ApiKeys__Pepper"] = pepper,
            ["Functions__PublicBaseUrl"] = FunctionsUrl.ToString().TrimEnd('/'),
            ["Twilio__AccountSid"] = Twilio.AccountSid,
            ["Twilio__AuthToken"] = Twilio.AuthToken,
            ["Twilio__ApiBaseUrl"] = Twilio.BaseUrl.ToString().TrimEnd('/'),
            ["Edge__Key"] = edgeKey,
            ["Edge__MediaStreamUrl"] = MediaStreamUrl,
            ["Edge__SipUri"] = $"sip:127.0.0.1:{SipPort.ToString(CultureInfo.InvariantCulture)}",
        };
        for (var i = 0; i < warmUpUrls.Count; i++)
        {
            environment["Edge__WarmUpUrls__" + i.ToString(CultureInfo.InvariantCulture)] = warmUpUrls[i].ToString();
        }

        return environment;
    }
}

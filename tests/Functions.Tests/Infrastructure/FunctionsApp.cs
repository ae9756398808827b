using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Tests.Infrastructure;

/// <summary>
/// The functions app under test on SQLite (temp file) or PostgreSQL (own database), in memory or on Kestrel at
/// 127.0.0.1 (when the fake Twilio server must call its webhooks).
/// </summary>
public sealed class FunctionsApp : WebApplicationFactory<Program>
{
    public const string EdgeKey = "edge-secret-for-tests-0123456789";
    public const string MediaStreamUrl = "wss://edge.example.com/twilio/media";
    public const string EdgeSipUri = "sip:edge.example.com;transport=tcp";
    public const string InMemoryPublicBaseUrl = "https://functions.example.com";

    private readonly Dictionary<string, string?> settings;
    private readonly string? sqliteDirectory;

    private FunctionsApp(Dictionary<string, string?> settings, string? sqliteDirectory)
    {
        this.settings = settings;
        this.sqliteDirectory = sqliteDirectory;
    }

    public string Provider => settings["Storage:Provider"]!;

    /// <summary>The URL Twilio is told to call (and signs).</summary>
    public string PublicBaseUrl => settings["Functions:PublicBaseUrl"]!;

    public static async Task<FunctionsApp> StartAsync(
        string provider, PostgresServer postgres, TwilioAccount? twilio = null, bool onKestrel = false, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        twilio ??= TwilioAccount.Unreachable;
        string? sqliteDirectory = null;
        string connectionString;
        if (provider == "postgres")
        {
            connectionString = await postgres.CreateDatabaseAsync();
        }
        else
        {
            sqliteDirectory = Path.Combine(Path.GetTempPath(), "vc-functions-sqlite-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(sqliteDirectory);
            connectionString = "Data Source=" + Path.Combine(sqliteDirectory, "functions.db");
        }

        var url = onKestrel ? "http://127.0.0.1:" + FreePort() : InMemoryPublicBaseUrl;
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = onKestrel ? url : "http://127.0.0.1:0",
            ["Storage:Provider"] = provider,
            ["Storage:ConnectionString"] = connectionString,
            ["ApiKeys:Pepper"] = "pepper-for-tests-0123456789",
            ["Functions:PublicBaseUrl"] = url,
            ["Edge:Key"] = EdgeKey,
            ["Edge:MediaStreamUrl"] = MediaStreamUrl,
            ["Edge:SipUri"] = EdgeSipUri,
            ["Twilio:AccountSid"] = twilio.AccountSid,
            ["Twilio:AuthToken"] = twilio.AuthToken,
            ["Twilio:ApiBaseUrl"] = twilio.ApiBaseUrl.ToString(),
            ["Twilio:MaxRetries"] = "0",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new FunctionsApp(settings, sqliteDirectory);
        if (onKestrel)
        {
            app.UseKestrel();
            app.StartServer();
        }
        else
        {
            _ = app.Server;
        }

        return app;
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>A new tenant and its API key.</summary>
    public async Task<(string TenantId, string ApiKey)> CreateTenantAsync(string name)
    {
        var (tenant, apiKey) = await Service<TenantStore>().CreateAsync(name, CancellationToken.None);
        return (tenant.Id, apiKey);
    }

    /// <summary>A client sending <c>Authorization: Bearer <paramref name="bearer"/></c> (none when null).</summary>
    public HttpClient Client(string? bearer)
    {
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false };
        if (PublicBaseUrl != InMemoryPublicBaseUrl)
        {
            options.BaseAddress = new Uri(PublicBaseUrl);
        }

        var client = CreateClient(options);
        if (bearer is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (sqliteDirectory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(sqliteDirectory, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

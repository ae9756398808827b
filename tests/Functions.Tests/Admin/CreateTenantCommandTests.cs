using System.Net;
using System.Text.RegularExpressions;
using VoiceConnector.Functions.Admin;
using VoiceConnector.Functions.Tests.Infrastructure;

namespace VoiceConnector.Functions.Tests.Admin;

[Collection(PostgresGroup.Name)]
public sealed partial class CreateTenantCommandTests(PostgresServer postgres)
{
    [Theory]
    [MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CreateTenant_Name_PrintsAKeyThatOpensTheApi(string provider)
    {
        await using var app = await FunctionsApp.StartAsync(provider, postgres);
        using var output = new StringWriter();

        var exit = await CreateTenantCommand.RunAsync(app.Services, ["create-tenant", "Acme Inc"], output, CancellationToken.None);

        Assert.Equal(0, exit);
        var key = ApiKeyLine().Match(output.ToString()).Groups[1].Value;
        Assert.StartsWith("vck_", key, StringComparison.Ordinal);
        using var client = app.Client(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/agents")).StatusCode);
    }

    [Fact]
    public async Task CreateTenant_NoName_UsageAndNoTenant()
    {
        await using var app = await FunctionsApp.StartAsync("sqlite", postgres);
        using var output = new StringWriter();

        var exit = await CreateTenantCommand.RunAsync(app.Services, ["create-tenant"], output, CancellationToken.None);

        Assert.Equal(2, exit);
        Assert.Contains("usage", output.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"api key \(shown once\): (\S+)")]
    private static partial Regex ApiKeyLine();
}

using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Tests.Calls;

public sealed class FileAgentResolverTests : IDisposable
{
    private readonly string path = Path.Combine(Path.GetTempPath(), "agents-" + Guid.NewGuid().ToString("N") + ".json");

    [Fact]
    public async Task ResolveAsync_KnownNumber_ReturnsItsAgentWithTimingsAndTools()
    {
        File.WriteAllText(path, """
            { "+15550100": { "agentId": "support", "greeting": "Hi.", "tools": ["hang_up"], "timings": { "endOfTurnSilenceMs": 700 } } }
            """);
        var resolver = new FileAgentResolver(Options.Create(new FileAgentResolverOptions { File = path }));

        var lookup = await resolver.ResolveAsync(Call("+15550100"), CancellationToken.None);

        Assert.NotNull(lookup);
        Assert.Equal("support", lookup.Agent.AgentId);
        Assert.Equal(["hang_up"], lookup.Agent.Tools);
        Assert.Equal(700, lookup.Agent.Timings.EndOfTurnSilenceMs);
        Assert.Equal(250, lookup.Agent.Timings.BargeInMinSpeechMs);
    }

    [Fact]
    public async Task ResolveAsync_UnknownNumberWithoutWildcard_ReturnsNull()
    {
        File.WriteAllText(path, """{ "+15550100": { "agentId": "support" } }""");
        var resolver = new FileAgentResolver(Options.Create(new FileAgentResolverOptions { File = path }));

        Assert.Null(await resolver.ResolveAsync(Call("+15550199"), CancellationToken.None));
    }

    [Fact]
    public async Task ResolveAsync_Wildcard_AnswersAnyNumber()
    {
        File.WriteAllText(path, """{ "*": { "agentId": "default" } }""");
        var resolver = new FileAgentResolver(Options.Create(new FileAgentResolverOptions { File = path }));

        Assert.Equal("default", (await resolver.ResolveAsync(Call("alice"), CancellationToken.None))?.Agent.AgentId);
    }

    [Fact]
    public async Task ResolveAsync_FileKeyedBySipUserPart_MatchesTheE164CalledNumber()
    {
        File.WriteAllText(path, """{ "1000": { "agentId": "local" } }""");
        var resolver = new FileAgentResolver(Options.Create(new FileAgentResolverOptions { File = path }));

        Assert.Equal("local", (await resolver.ResolveAsync(Call(CalledNumber.FromSipUser("1000")), CancellationToken.None))?.Agent.AgentId);
    }

    [Fact]
    public void IsValidFile_MalformedOrMissing_IsFalse()
    {
        File.WriteAllText(path, """{ "+1": { "agentId": """);

        Assert.False(FileAgentResolver.IsValidFile(path));
        Assert.False(FileAgentResolver.IsValidFile(path + ".missing"));
    }

    public void Dispose() => File.Delete(path);

    private static CallDescription Call(string to) =>
        new("c1", CallTransport.Sip, "+15550000", to, "PCMU", DateTimeOffset.UtcNow, new Dictionary<string, string>());
}

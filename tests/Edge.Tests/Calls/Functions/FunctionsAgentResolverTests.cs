using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Calls.Functions;

namespace VoiceConnector.Edge.Tests.Calls.Functions;

public sealed class FunctionsAgentResolverTests
{
    private static readonly AgentLookup Lookup = new("+15551230001", "tenant-1", new AgentDefinition { AgentId = "agent-1", Greeting = "Hello" }, CacheSeconds: 60);

    [Fact]
    public async Task ResolveAsync_SecondCallWithinCacheTime_ServedFromCache()
    {
        await using var server = await FunctionsEndpointsServer.StartAsync();
        server.Agents[Lookup.Number] = Lookup;
        var resolver = CreateResolver(server.BaseUrl, TimeProvider.System);

        var first = await resolver.ResolveAsync(Call(Lookup.Number), CancellationToken.None);
        var second = await resolver.ResolveAsync(Call(Lookup.Number), CancellationToken.None);

        Assert.Equal("agent-1", first!.Agent.AgentId);
        Assert.Equal(first, second);
        Assert.Equal(1, server.AgentRequests);
    }

    [Fact]
    public async Task ResolveAsync_UnknownNumber_Null()
    {
        await using var server = await FunctionsEndpointsServer.StartAsync();
        var resolver = CreateResolver(server.BaseUrl, TimeProvider.System);

        Assert.Null(await resolver.ResolveAsync(Call("+15550000000"), CancellationToken.None));
    }

    [Fact]
    public async Task ResolveAsync_FunctionsDownAfterExpiry_ServesLastKnownAgent()
    {
        await using var server = await FunctionsEndpointsServer.StartAsync();
        server.Agents[Lookup.Number] = Lookup;
        var clock = new ManualTimeProvider();
        var resolver = CreateResolver(server.BaseUrl, clock);
        await resolver.ResolveAsync(Call(Lookup.Number), CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(5));
        server.FailWith = System.Net.HttpStatusCode.ServiceUnavailable;
        var stale = await resolver.ResolveAsync(Call(Lookup.Number), CancellationToken.None);

        Assert.Equal("agent-1", stale!.Agent.AgentId);
    }

    [Fact]
    public async Task ResolveAsync_FunctionsDownNothingCached_Throws()
    {
        await using var server = await FunctionsEndpointsServer.StartAsync();
        server.FailWith = System.Net.HttpStatusCode.BadGateway;
        var resolver = CreateResolver(server.BaseUrl, TimeProvider.System);

        await Assert.ThrowsAsync<HttpRequestException>(async () => await resolver.ResolveAsync(Call(Lookup.Number), CancellationToken.None));
    }

    [Fact]
    public async Task ResolveAsync_OutboundMediaStream_LooksUpOurNumberParameterNotTheCallee()
    {
        await using var server = await FunctionsEndpointsServer.StartAsync();
        server.Agents[Lookup.Number] = Lookup;
        var resolver = CreateResolver(server.BaseUrl, TimeProvider.System);
        var call = new CallDescription("MZ1", CallTransport.TwilioMediaStreams, Lookup.Number, "+16175551212", "PCMU", DateTimeOffset.UtcNow,
            new Dictionary<string, string> { ["number"] = Lookup.Number, ["to"] = "+16175551212", ["direction"] = "outbound" });

        Assert.Equal("agent-1", (await resolver.ResolveAsync(call, CancellationToken.None))!.Agent.AgentId);
    }

    [Fact]
    public async Task ResolveAsync_NumberNotE164_NullWithoutAskingFunctions()
    {
        await using var server = await FunctionsEndpointsServer.StartAsync();
        var resolver = CreateResolver(server.BaseUrl, TimeProvider.System);

        Assert.Null(await resolver.ResolveAsync(Call("service"), CancellationToken.None));
        Assert.Equal(0, server.AgentRequests);
    }

    private static FunctionsAgentResolver CreateResolver(Uri baseUrl, TimeProvider time)
    {
        var options = Options.Create(new FunctionsOptions { BaseUrl = baseUrl, EdgeKey = FunctionsEndpointsServer.Key });
        return new FunctionsAgentResolver(new FunctionsClient(new HttpClient(), options), options, time, NullLogger<FunctionsAgentResolver>.Instance);
    }

    private static CallDescription Call(string to) =>
        new("call-1", CallTransport.Sip, "+15550001111", to, "PCMU", DateTimeOffset.UtcNow, new Dictionary<string, string>());
}

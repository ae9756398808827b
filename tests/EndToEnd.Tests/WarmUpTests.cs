using System.Diagnostics;
using VoiceConnector.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace VoiceConnector.EndToEnd.Tests;

/// <summary>
/// Warm-up of scaled-to-zero AI services while the call rings, measured: the voice webhook pings the configured
/// warm-up URLs before its TwiML is back at Twilio; a SIP INVITE makes the edge warm its AI services up.
/// </summary>
public sealed class WarmUpTests(ITestOutputHelper output)
{
    [Fact]
    public async Task VoiceWebhook_WarmUpUrlsConfigured_WarmUpArrivesBeforeTwimlIsBack()
    {
        await using var target = new WarmUpTarget();
        await using var system = await LocalSystem.StartAsync(warmUpUrls: [new Uri(target.Url, "api/version")]);
        var agentId = await system.Api.CreateAgentAsync("Hello.");
        var number = (string)(await system.Api.BuyNumberAsync(agentId, 415, "buy-" + Guid.NewGuid().ToString("N")))["phoneNumber"]!;

        var sentAt = Stopwatch.GetTimestamp();
        var (_, response) = await system.Twilio.Calls.PlaceInboundCallAsync(number, "+16175551212", CancellationToken.None);
        var twimlAt = Stopwatch.GetTimestamp();
        Assert.True(response.IsSuccessStatusCode);
        Assert.Contains("<Stream", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (target.Arrivals.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var (arrivedAt, line) = Assert.Single(target.Arrivals);
        Assert.Equal("GET /api/version HTTP/1.1", line);
        output.WriteLine(
            $"webhook sent -> warm-up arrived: {Stopwatch.GetElapsedTime(sentAt, arrivedAt).TotalMilliseconds:F1} ms; " +
            $"webhook sent -> TwiML back: {Stopwatch.GetElapsedTime(sentAt, twimlAt).TotalMilliseconds:F1} ms");
        Assert.True(arrivedAt < twimlAt, "the warm-up arrived after the TwiML");
    }

    [Fact]
    public async Task SipInvite_RemoteTtsConfigured_EdgeWarmsItUpAsTheCallArrives()
    {
        await using var target = new WarmUpTarget();
        await using var system = await LocalSystem.StartAsync(edgeEnvironment: new Dictionary<string, string> { ["Ai__Piper__Url"] = target.Url.ToString() });
        var agentId = await system.Api.CreateAgentAsync("Hello.");
        await system.Api.AttachSipNumberAsync(agentId, "+15550003000");
        var before = target.Arrivals.Count;

        var (sentAt, okAt) = await RawSipInvite.CallAndHangUpAsync(system.SipPort, "+15550003000");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (target.Arrivals.Count == before && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var (arrivedAt, line) = target.Arrivals.ElementAt(before);
        Assert.StartsWith("POST ", line, StringComparison.Ordinal);
        output.WriteLine(
            $"INVITE sent -> warm-up arrived: {Stopwatch.GetElapsedTime(sentAt, arrivedAt).TotalMilliseconds:F1} ms; " +
            $"INVITE sent -> 200 OK back: {Stopwatch.GetElapsedTime(sentAt, okAt).TotalMilliseconds:F1} ms ({line})");
        Assert.InRange(Stopwatch.GetElapsedTime(sentAt, arrivedAt).TotalMilliseconds, 0, 2_000);
    }
}

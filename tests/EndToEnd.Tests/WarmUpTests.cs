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

        // Five calls; the first meets a cold process (the warm-up's HTTP client is built and JIT-compiled on it).
        var ahead = 0;
        for (var call = 0; call < 5; call++)
        {
            target.Arrivals.Clear();
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

            var (arrivedAt, line, _) = Assert.Single(target.Arrivals);
            Assert.Equal("GET /api/version HTTP/1.1", line);
            output.WriteLine(
                $"call {call + 1}: webhook sent -> warm-up arrived: {Stopwatch.GetElapsedTime(sentAt, arrivedAt).TotalMilliseconds:F1} ms; " +
                $"webhook sent -> TwiML back: {Stopwatch.GetElapsedTime(sentAt, twimlAt).TotalMilliseconds:F1} ms");
            ahead += call > 0 && arrivedAt < twimlAt ? 1 : 0;
        }

        Assert.True(ahead >= 3, $"the warm-up reached the service before the TwiML was back on only {ahead} of 4 warm calls");
    }

    [Fact]
    public async Task SipInvite_RemoteTtsConfigured_EdgeWarmsItUpAsTheCallArrives()
    {
        await using var target = new WarmUpTarget();
        await using var system = await LocalSystem.StartAsync(edgeEnvironment: new Dictionary<string, string> { ["Ai__Piper__Url"] = target.Url.ToString() });
        var agentId = await system.Api.CreateAgentAsync("Good morning from the front desk.");
        await system.Api.AttachSipNumberAsync(agentId, "+15550003000");
        await Task.Delay(TimeSpan.FromSeconds(2));
        target.Arrivals.Clear();

        var (sentAt, okAt) = await RawSipInvite.CallAndHangUpAsync(system.SipPort, "+15550003000");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!target.Arrivals.Any(a => a.Text.Contains("Good morning", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        // The warm-up synthesises "Hello." and reaches the TTS service first; the greeting's synthesis comes after.
        var arrivals = target.Arrivals.ToArray();
        var warmUp = Array.FindIndex(arrivals, a => a.Text.Contains("Hello.", StringComparison.Ordinal));
        var greeting = Array.FindIndex(arrivals, a => a.Text.Contains("Good morning", StringComparison.Ordinal));
        Assert.True(warmUp >= 0, "no warm-up request reached the TTS service");
        var ms = (long at) => Stopwatch.GetElapsedTime(sentAt, at).TotalMilliseconds;
        output.WriteLine(
            $"INVITE sent -> warm-up arrived: {ms(arrivals[warmUp].At):F1} ms; INVITE sent -> 200 OK back: {ms(okAt):F1} ms; " +
            $"INVITE sent -> greeting synthesis arrived: {(greeting >= 0 ? ms(arrivals[greeting].At).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) : "none")} ms");
        Assert.True(greeting < 0 || warmUp < greeting, "the greeting reached the TTS service before the warm-up");
        Assert.InRange(ms(arrivals[warmUp].At), 0, 2_000);
    }
}

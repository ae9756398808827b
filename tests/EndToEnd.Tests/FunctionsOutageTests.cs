using System.Globalization;
using VoiceConnector.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace VoiceConnector.EndToEnd.Tests;

/// <summary>
/// (c) The functions app goes down during a call (killed, no graceful shutdown) and comes back later on the same
/// database file: the edge's outbox keeps the call record and delivers it once the app is back - exactly one record.
/// </summary>
public sealed class FunctionsOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SipCall_FunctionsKilledDuringCallAndRestarted_RecordArrivesExactlyOnce()
    {
        await using var system = await LocalSystem.StartAsync();
        var agentId = await system.Api.CreateAgentAsync("Hello, you have reached the front desk.");
        await system.Api.AttachSipNumberAsync(agentId, "+15550002000");
        var folder = system.NewFolder("baresip");
        var wav = await CallerSpeech.ConversationWavAsync(folder, leadSeconds: 8, gapSeconds: 6, "goodbye");

        var call = BaresipCaller.CallAsync(folder, $"sip:+15550002000@127.0.0.1:{system.SipPort.ToString(CultureInfo.InvariantCulture)}", wav, seconds: 40);
        var deadline = DateTime.UtcNow + Long;
        while (!system.Edge!.Output.Contains($"agent {agentId} answers", StringComparison.Ordinal) && !call.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        // The agent was looked up through the functions app and answers; now the functions app dies while the call goes on.
        await system.StopFunctionsAsync();
        var log = await call;
        output.WriteLine(log.Length > 1500 ? log[..1500] : log);
        Assert.Contains("Call established", log, StringComparison.Ordinal);

        // The record is waiting in the outbox on disk, and delivery keeps failing.
        var outbox = Path.Combine(system.Folder, "outbox");
        while (Directory.GetFiles(outbox, "*.json").Length == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Single(Directory.GetFiles(outbox, "*.json"));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Contains("not delivered", system.Edge.Output, StringComparison.Ordinal);

        await system.StartFunctionsAsync();
        var record = await system.Api.WaitForCallAsync(c => (string?)c["to"] == "+15550002000", Long);
        output.WriteLine(record.ToJsonString());
        Assert.Equal(agentId, (string?)record["agentId"]);
        Assert.Contains(record["turns"]!.AsArray(), t => (string?)t!["role"] == "agent");
        while (Directory.GetFiles(outbox, "*.json").Length > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.Empty(Directory.GetFiles(outbox, "*.json"));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Single(await system.Api.ListCallsAsync(), c => (string?)c!["to"] == "+15550002000");
    }
}

using System.Diagnostics;
using System.Text.Json.Nodes;
using VoiceConnector.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace VoiceConnector.EndToEnd.Tests;

/// <summary>
/// (a) The Twilio path, nothing faked between the steps: the product team creates an agent and buys a number through
/// the API (Twilio REST served by the spec-checked fake), Twilio posts the signed voice webhook, follows the TwiML's
/// stream URL with a signed Media Streams handshake, the caller speaks flite audio (mu-law 8 kHz) and hangs up, Twilio
/// posts the status callbacks - and the team reads one call record with both sides' turns and the status events.
/// </summary>
public sealed class TwilioCallTests(ITestOutputHelper output)
{
    private const string Greeting = "Hello, you have reached the front desk.";
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TwilioCall_BoughtNumberCalledSpokenToAndHungUp_OneRecordWithTranscriptAndStatusEvents()
    {
        await using var system = await LocalSystem.StartAsync();
        var agentId = await system.Api.CreateAgentAsync(Greeting);
        var number = (string)(await system.Api.BuyNumberAsync(agentId, 415, "buy-" + Guid.NewGuid().ToString("N")))["phoneNumber"]!;
        var question = await CallerSpeech.MuLaw8kAsync("what are your opening hours", system.Folder);

        var (call, response) = await system.Twilio.Calls.PlaceInboundCallAsync(number, "+16175551212", CancellationToken.None);
        var twiml = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, twiml);
        var stream = TwimlStream.Parse(twiml);
        Assert.Equal(system.MediaStreamUrl, stream.Url.OriginalString);
        Assert.Equal(agentId, stream.Parameters["agentId"]);
        Assert.Equal(number, stream.Parameters["number"]);
        await system.Twilio.Calls.SetCallStatusAsync(call.Sid, "in-progress", CancellationToken.None);

        await using (var caller = await MediaStreamCaller.ConnectAsync(stream, system.Twilio.AuthToken, system.Twilio.AccountSid, call.Sid))
        {
            await caller.WaitForAgentToFinishAsync(0, TimeSpan.FromSeconds(1.5), Long);
            var asked = Stopwatch.GetTimestamp();
            caller.Say(question);
            await caller.WaitForAgentToFinishAsync(asked, TimeSpan.FromSeconds(1.5), Long);
            Assert.True(caller.MarksEchoed > 0, "the edge sent no marks");
            await caller.HangUpAsync();
        }

        await system.Twilio.Calls.SetCallStatusAsync(call.Sid, "completed", CancellationToken.None);
        var record = await system.Api.WaitForCallAsync(c => (string?)c["twilioCallSid"] == call.Sid && c["endedAt"] is not null, Long);
        output.WriteLine(record.ToJsonString());

        Assert.Equal("twilio", (string?)record["transport"]);
        Assert.Equal("PCMU", (string?)record["codec"]);
        Assert.Equal(number, (string?)record["to"]);
        Assert.Equal("+16175551212", (string?)record["from"]);
        Assert.Equal(agentId, (string?)record["agentId"]);
        Assert.NotNull(record["answeredAt"]);
        var turns = record["turns"]!.AsArray();
        Assert.Equal(Greeting, (string?)turns[0]!["text"]);
        var callerTurn = Assert.Single(turns, t => (string?)t!["role"] == "caller");
        Assert.False(string.IsNullOrWhiteSpace((string?)callerTurn!["text"]));
        var reply = turns[turns.IndexOf(callerTurn) + 1]!;
        Assert.Equal("agent", (string?)reply["role"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)reply["text"]));
        Assert.NotNull(reply["timings"]?["firstAudioSentMs"]);
        Assert.Contains(record["statusEvents"]!.AsArray(), e => (string?)e!["status"] == "completed");
        Assert.Single(await system.Api.ListCallsAsync(), c => (string?)c!["twilioCallSid"] == call.Sid);
        Assert.True(system.Twilio.Violations.Count == 0, system.Twilio.DescribeViolations());
    }

    [Fact]
    public async Task TwilioCall_AgentHangsUpOnSilentCaller_CallEndedThroughRestBeforeStreamCloses()
    {
        await using var system = await LocalSystem.StartAsync();
        var agentId = await system.Api.CreateAgentAsync(Greeting, idleRepromptMs: 1000, maxIdleReprompts: 0);
        var number = (string)(await system.Api.BuyNumberAsync(agentId, 415, "buy-" + Guid.NewGuid().ToString("N")))["phoneNumber"]!;
        var (call, response) = await system.Twilio.Calls.PlaceInboundCallAsync(number, "+16175551212", CancellationToken.None);
        var twiml = await response.Content.ReadAsStringAsync();
        var stream = TwimlStream.Parse(twiml);
        await system.Twilio.Calls.SetCallStatusAsync(call.Sid, "in-progress", CancellationToken.None);

        // The caller says nothing: the agent greets, waits a second, says goodbye and hangs up.
        await using (var caller = await MediaStreamCaller.ConnectAsync(stream, system.Twilio.AuthToken, system.Twilio.AccountSid, call.Sid))
        {
            await caller.Receiving.WaitAsync(Long);
            Assert.NotNull(caller.EdgeClosedAt);

            // The edge had the functions app end the call at Twilio first: a stream closed with the call still up
            // would make Twilio play the failure message that follows </Connect>.
            var hangUp = Assert.Single(system.Twilio.Requests, r => r.OperationId == "UpdateCall" && r.Path.Contains(call.Sid, StringComparison.Ordinal));
            Assert.Equal("completed", hangUp.FormValue("Status"));
            Assert.Equal(200, hangUp.Status);
            Assert.True(hangUp.ReceivedAt <= caller.EdgeClosedAt, $"hang-up at {hangUp.ReceivedAt:O}, stream closed at {caller.EdgeClosedAt:O}");
        }

        Assert.Contains("<Say>", twiml, StringComparison.Ordinal);
        var record = await system.Api.WaitForCallAsync(c => (string?)c["twilioCallSid"] == call.Sid && c["endedAt"] is not null, Long);
        Assert.Equal("idle-timeout", (string?)record["hangupCause"]);
        Assert.True(system.Twilio.Violations.Count == 0, system.Twilio.DescribeViolations());
    }
}

using System.Globalization;
using System.Text.Json.Nodes;
using VoiceConnector.EndToEnd.Tests.Support;
using Xunit.Abstractions;

namespace VoiceConnector.EndToEnd.Tests;

/// <summary>
/// (b) The SIP path: the team attaches a number of its own SIP trunk through the API; baresip dials the edge (G.722),
/// speaks flite audio from a WAV file and the agent answers through the functions app's agent lookup; the call record
/// reaches the functions app through the edge's outbox and is readable through the API.
/// </summary>
public sealed class SipCallTests(LocalSystemFixture fixture, ITestOutputHelper output) : IClassFixture<LocalSystemFixture>
{
    private const string Greeting = "Hello, you have reached the front desk.";
    private const string HoursReply = "We are open Monday to Friday, from nine in the morning to five in the afternoon.";
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SipCall_AttachedNumberDialledWithBaresip_RecordWithCallerTranscriptAndAgentTurns()
    {
        var system = fixture.System;
        var agentId = await system.Api.CreateAgentAsync(Greeting);
        await system.Api.AttachSipNumberAsync(agentId, "+1000");
        var folder = system.NewFolder("baresip");
        var wav = await CallerSpeech.ConversationWavAsync(folder, leadSeconds: 8, gapSeconds: 8, "what are your opening hours", "goodbye");

        // The user part "1000" is the number +1000 (carriers often leave the '+' out).
        var log = await BaresipCaller.CallAsync(folder, $"sip:1000@127.0.0.1:{system.SipPort.ToString(CultureInfo.InvariantCulture)}", wav, seconds: 45);
        output.WriteLine(log.Length > 2000 ? log[..2000] : log);
        Assert.Contains("Call established", log, StringComparison.Ordinal);

        var record = await system.Api.WaitForCallAsync(c => (string?)c["to"] == "+1000", Long);
        output.WriteLine(record.ToJsonString());
        Assert.Equal("sip", (string?)record["transport"]);
        Assert.Equal("G722", (string?)record["codec"]);
        Assert.Equal("caller", (string?)record["from"]);
        Assert.Equal(agentId, (string?)record["agentId"]);
        Assert.Equal("completed", (string?)record["outcome"]);
        var turns = record["turns"]!.AsArray();
        Assert.Equal(Greeting, (string?)turns[0]!["text"]);
        Assert.Contains(turns, t => (string?)t!["role"] == "caller" && ((string?)t["text"])!.Contains("hours", StringComparison.OrdinalIgnoreCase));
        var reply = Assert.Single(turns, t => (string?)t!["text"] == HoursReply)!;
        Assert.Equal("agent", (string?)reply["role"]);
        Assert.NotNull(reply["timings"]?["transcriptMs"]);
        Assert.NotNull(reply["timings"]?["firstAudioSentMs"]);

        // "goodbye" ends the call from the agent's side. PocketSphinx on a busy machine sometimes mishears that one
        // word; then the agent asks again and the caller hangs up when its audio ends, which the record must say.
        var lastCaller = turns.Last(t => (string?)t!["role"] == "caller")!;
        if (((string?)lastCaller["text"])!.Contains("goodbye", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Equal("agent-hangup", (string?)record["hangupCause"]);
            Assert.Equal("Thank you for calling. Goodbye!", (string?)turns[^1]!["text"]);
        }
        else
        {
            output.WriteLine("PocketSphinx heard '" + (string?)lastCaller["text"] + "' for 'goodbye'");
            Assert.Equal("caller-bye", (string?)record["hangupCause"]);
        }
    }

    [Fact]
    public async Task SipCall_NumberWithoutAgent_CallerHearsNotInServiceAndEdgeHangsUp()
    {
        var system = fixture.System;
        var folder = system.NewFolder("baresip");
        var wav = await CallerSpeech.ConversationWavAsync(folder, leadSeconds: 20, gapSeconds: 1, "hello");

        var log = await BaresipCaller.CallAsync(folder, $"sip:+15550009999@127.0.0.1:{system.SipPort.ToString(CultureInfo.InvariantCulture)}", wav, seconds: 30);
        output.WriteLine(log.Length > 3000 ? log[..3000] : log);
        Assert.Contains("Call established", log, StringComparison.Ordinal);

        // The edge hung up (BYE) long before the caller's 21 s of audio ended; nobody owns the number, so no tenant
        // sees the record: the edge's log says what happened, and the caller heard the spoken message.
        Assert.Contains("session closed", log, StringComparison.Ordinal);
        Assert.DoesNotContain("end of file", log.Split("Call established")[1], StringComparison.Ordinal);
        Assert.Contains("no agent for +15550009999; telling the caller it is not in service", system.Edge!.Output, StringComparison.Ordinal);
        var heard = BaresipCaller.Heard(folder);
        Assert.NotNull(heard);
        Assert.True(BaresipCaller.SpeechSeconds(heard) > 1.0, "the caller heard (almost) nothing");
    }
}

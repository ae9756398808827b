using Microsoft.Extensions.AI;
using VoiceConnector.Contracts;

namespace VoiceConnector.Edge.Tests.Conversation;

public sealed class ConversationAgentReplyTests
{
    [Fact]
    public async Task RunAsync_CallAnswered_GreetingIsSpokenAndHeardInFull()
    {
        await using var harness = new ConversationHarness();
        await harness.StartAndWaitForGreetingAsync();

        var heard = harness.Heard();
        Assert.Equal("Hello there.", heard[0].Text);
        Assert.Equal(2 * 200 * 16, heard[0].Samples);
        var record = await harness.EndAndGetRecordAsync();
        Assert.Equal(TurnRoles.Agent, record.Turns[0].Role);
        Assert.Equal("Hello there.", record.Turns[0].Text);
    }

    [Fact]
    public async Task RunAsync_CallerSpeaks_TranscriptGoesToModelWithSystemPromptAndReplyIsSpoken()
    {
        await using var harness = new ConversationHarness();
        harness.Chat.Reply = messages => ["You said ", messages[^1].Text + "."];
        await harness.StartAndWaitForGreetingAsync();

        await harness.SayAsync(5000, "what time is it");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == "You said what time is it.") && harness.PlayoutIdle());

        var request = Assert.Single(harness.Chat.Requests);
        Assert.Equal(ChatRole.System, request[0].Role);
        Assert.Equal("You are a test agent.", request[0].Text);
        Assert.Equal(ChatRole.Assistant, request[1].Role);
        Assert.Equal("Hello there.", request[1].Text);
        Assert.Equal(ChatRole.User, request[2].Role);
        Assert.Equal("what time is it", request[2].Text);
    }

    [Fact]
    public async Task RunAsync_ModelStillWriting_FirstSentenceIsSynthesizedBeforeTheRestArrives()
    {
        await using var harness = new ConversationHarness();
        var pause = new TaskCompletionSource();
        harness.Chat.Reply = _ => ["Sure thing. ", "Here is the rest ", "of my answer."];
        await harness.StartAndWaitForGreetingAsync();
        harness.Chat.PauseAfterFirstPiece = pause;

        await harness.SayAsync(5000, "help me");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == "Sure thing."));
        Assert.DoesNotContain("Here is the rest of my answer.", harness.Tts.Requests);

        pause.SetResult();
        await ConversationHarness.WaitUntilAsync(() => harness.Tts.Requests.Contains("Here is the rest of my answer."));
        Assert.Equal(["Sure thing.", "Here is the rest of my answer."], harness.Tts.Requests.Skip(harness.Tts.Requests.IndexOf("Sure thing.")).Take(2));
    }

    [Fact]
    public async Task RunAsync_TurnTimings_AreInTheRecordAndInOrder()
    {
        await using var harness = new ConversationHarness();
        harness.Chat.Reply = _ => ["Fine, thanks."];
        await harness.StartAndWaitForGreetingAsync();
        await harness.SayAsync(5000, "how are you");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == "Fine, thanks.") && harness.PlayoutIdle());

        var record = await harness.EndAndGetRecordAsync();
        Assert.Equal(["agent", "caller", "agent"], record.Turns.Select(t => t.Role));
        Assert.Equal("how are you", record.Turns[1].Text);
        var timings = Assert.IsType<TurnTimings>(record.Turns[2].Timings);
        Assert.True(timings.TranscriptMs >= 0);
        Assert.True(timings.FirstTokenMs >= timings.TranscriptMs);
        Assert.True(timings.FirstSentenceMs >= timings.FirstTokenMs);
        Assert.True(timings.FirstTtsAudioMs >= timings.FirstSentenceMs);
        Assert.True(timings.FirstAudioSentMs >= timings.FirstTtsAudioMs);
        Assert.Equal("sip", record.Transport);
        Assert.Equal("agent-1", record.AgentId);
        Assert.Equal("tenant-1", record.TenantId);
        Assert.Equal(CallOutcomes.Completed, record.Outcome);
        Assert.Equal("caller-bye", record.HangupCause);
    }

    [Fact]
    public async Task RunAsync_UnknownNumber_SaysNotInServiceAndHangsUp()
    {
        await using var harness = new ConversationHarness(unknownNumber: true);
        harness.Start();

        await harness.Run.WaitAsync(ConversationHarness.Timeout);
        Assert.Equal("not-in-service", harness.Media.EndReason);
        Assert.Equal("Sorry, this number is not in service. Goodbye.", harness.Heard().Single().Text);
        Assert.Equal(harness.Media.PlayoutQueuedPosition, harness.Media.PlayoutPlayedPosition);
        var record = await harness.Records.FirstRecord.WaitAsync(ConversationHarness.Timeout);
        Assert.Equal(CallOutcomes.Rejected, record.Outcome);
    }

    [Fact]
    public async Task RunAsync_EchoAgent_PlaysTheCallerBack()
    {
        await using var harness = new ConversationHarness(ConversationHarness.NewAgent() with { AgentId = "echo" });
        harness.Start();
        harness.Media.Say(5000, 200);

        await ConversationHarness.WaitUntilAsync(() => harness.Media.Audio().Contains((short)5000));
        Assert.Empty(harness.Chat.Requests);
    }
}

using VoiceConnector.Contracts;

namespace VoiceConnector.Edge.Tests.Conversation;

public sealed class ConversationAgentTurnTests
{
    [Fact]
    public async Task RunAsync_CallerStaysSilent_RepromptsThenSaysGoodbyeAndHangsUp()
    {
        var agent = ConversationHarness.NewAgent(new AgentTimings { IdleRepromptMs = 500, MaxIdleReprompts = 2, EndOfTurnSilenceMs = 200 });
        await using var harness = new ConversationHarness(agent);
        harness.Start();

        await harness.Run.WaitAsync(ConversationHarness.Timeout);

        // The two re-prompts are the same pre-rendered audio, back to back: one run of twice its length.
        Assert.Equal(
            [("Hello there.", 2 * 3200), ("Are you still there?", 2 * 4 * 3200), ("Thank you for calling. Goodbye.", 5 * 3200)],
            harness.Heard());
        Assert.Equal(harness.Media.PlayoutQueuedPosition, harness.Media.PlayoutPlayedPosition);
        var record = await harness.Records.FirstRecord.WaitAsync(ConversationHarness.Timeout);
        Assert.Equal(
            ["Hello there.", "Are you still there?", "Are you still there?", "Thank you for calling. Goodbye."],
            record.Turns.Select(t => t.Text));
        Assert.Equal("idle-timeout", record.HangupCause);
        Assert.Equal("idle-timeout", harness.Media.EndReason);
    }

    [Fact]
    public async Task RunAsync_CallerAnswersReprompt_IdleCountStartsAgain()
    {
        var agent = ConversationHarness.NewAgent(new AgentTimings { IdleRepromptMs = 1_000, MaxIdleReprompts = 1, EndOfTurnSilenceMs = 200 });
        await using var harness = new ConversationHarness(agent);
        harness.Chat.Reply = _ => ["Good."];
        harness.Start();
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == "Are you still there?") && harness.PlayoutIdle());

        await harness.SayAsync(5000, "yes I am");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == "Good."));
        await harness.Run.WaitAsync(ConversationHarness.Timeout);

        Assert.Equal(
            ["Hello there.", "Are you still there?", "Good.", "Are you still there?", "Thank you for calling. Goodbye."],
            harness.Heard().Select(h => h.Text));
    }

    [Fact]
    public async Task RunAsync_MaximumCallLengthReached_SaysGoodbyeAndHangsUp()
    {
        var agent = ConversationHarness.NewAgent(new AgentTimings { MaxCallSeconds = 1, EndOfTurnSilenceMs = 200, IdleRepromptMs = 600_000 });
        await using var harness = new ConversationHarness(agent);
        harness.Chat.Reply = _ => [string.Join(' ', Enumerable.Repeat("word", 200)) + "."];
        await harness.StartAndWaitForGreetingAsync();
        await harness.SayAsync(5000, "talk a lot");

        await harness.Run.WaitAsync(ConversationHarness.Timeout);

        Assert.Equal("max-duration", harness.Media.EndReason);
        Assert.Equal("Thank you for calling. Goodbye.", harness.Heard()[^1].Text);
        var record = await harness.Records.FirstRecord.WaitAsync(ConversationHarness.Timeout);
        Assert.Equal("max-duration", record.HangupCause);
    }

    [Fact]
    public async Task RunAsync_TransportAsksToEndMidReply_CutsTheReplySaysGoodbyeAndHangsUp()
    {
        await using var harness = new ConversationHarness();
        harness.Chat.Reply = _ => [string.Join(' ', Enumerable.Repeat("word", 200)) + "."];
        await harness.StartAndWaitForGreetingAsync();
        await harness.SayAsync(5000, "talk a lot");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text.StartsWith("word", StringComparison.Ordinal)));

        harness.Media.RequestEnd();
        await harness.Run.WaitAsync(ConversationHarness.Timeout);

        Assert.Equal("shutdown", harness.Media.EndReason);
        var heard = harness.Heard();
        Assert.Equal("Thank you for calling. Goodbye.", heard[^1].Text);
        Assert.Equal(5 * 3200, heard[^1].Samples);
        Assert.True(heard[^2].Samples < 200 * 3200, "the reply in progress was not cut short");
        var record = await harness.Records.FirstRecord.WaitAsync(ConversationHarness.Timeout);
        Assert.Equal("shutdown", record.HangupCause);
        Assert.Equal("Thank you for calling. Goodbye.", record.Turns[^1].Text);
    }

    [Fact]
    public async Task RunAsync_CallerPressesKey_ModelIsToldAndAnswers()
    {
        await using var harness = new ConversationHarness();
        harness.Chat.Reply = messages => ["You chose " + messages[^1].Text[^1] + "."];
        await harness.StartAndWaitForGreetingAsync();

        harness.Media.Press('1');
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == "You chose 1.") && harness.PlayoutIdle());

        Assert.Equal("The caller pressed 1", harness.Chat.Requests.Single()[^1].Text);
        var record = await harness.EndAndGetRecordAsync();
        Assert.Contains(record.Turns, t => t.Role == TurnRoles.Event && t.Text == "The caller pressed 1");
    }
}

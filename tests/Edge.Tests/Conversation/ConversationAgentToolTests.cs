using Microsoft.Extensions.AI;
using VoiceConnector.Contracts;

namespace VoiceConnector.Edge.Tests.Conversation;

public sealed class ConversationAgentToolTests
{
    [Fact]
    public async Task RunAsync_ModelCallsHangUp_AgentFinishesSpeakingThenHangsUp()
    {
        await using var harness = new ConversationHarness(ConversationHarness.NewAgent(tools: AgentTools.All));
        harness.Chat.Reply = _ => ["Goodbye now. ", new FunctionCallContent("c1", AgentTools.HangUp)];
        await harness.StartAndWaitForGreetingAsync();

        await harness.SayAsync(5000, "bye");
        await harness.Run.WaitAsync(ConversationHarness.Timeout);

        Assert.Equal("agent-hangup", harness.Media.EndReason);
        Assert.Equal(2 * 200 * 16, harness.Heard().Single(h => h.Text == "Goodbye now.").Samples);
        Assert.Equal(harness.Media.PlayoutQueuedPosition, harness.Media.PlayoutPlayedPosition);
        var declared = harness.Chat.Options.Single()!.Tools!.Select(t => t.Name);
        Assert.Equal(AgentTools.All, declared);
        var record = await harness.Records.FirstRecord.WaitAsync(ConversationHarness.Timeout);
        Assert.Equal("agent-hangup", record.HangupCause);
    }

    [Fact]
    public async Task RunAsync_ModelCallsTransfer_CallerIsTransferredThroughTheSeam()
    {
        await using var harness = new ConversationHarness(ConversationHarness.NewAgent(tools: [AgentTools.Transfer]));
        harness.Chat.Reply = _ => ["Connecting you. ", new FunctionCallContent("c1", AgentTools.Transfer, new Dictionary<string, object?> { ["target"] = "sip:sales@example.com" })];
        await harness.StartAndWaitForGreetingAsync();

        await harness.SayAsync(5000, "sales please");
        await harness.Run.WaitAsync(ConversationHarness.Timeout);

        Assert.Equal(["sip:sales@example.com"], harness.Media.TransferTargets);
        var record = await harness.Records.FirstRecord.WaitAsync(ConversationHarness.Timeout);
        Assert.Equal(CallOutcomes.Transferred, record.Outcome);
        Assert.Equal("transfer", record.HangupCause);
    }

    [Fact]
    public async Task RunAsync_TransferFails_ModelHearsTheErrorAndCallGoesOn()
    {
        await using var harness = new ConversationHarness(ConversationHarness.NewAgent(tools: [AgentTools.Transfer]));
        harness.Media.TransferSucceeds = false;
        harness.Chat.Reply = messages => messages[^1].Role == ChatRole.Tool
            ? ["Sorry, nobody is available."]
            : [new FunctionCallContent("c1", AgentTools.Transfer, new Dictionary<string, object?> { ["target"] = "+15550123" })];
        await harness.StartAndWaitForGreetingAsync();

        await harness.SayAsync(5000, "sales please");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == "Sorry, nobody is available."));

        var result = Assert.IsType<FunctionResultContent>(harness.Chat.Requests[1][^1].Contents.Single());
        Assert.StartsWith("error", (string)result.Result!, StringComparison.Ordinal);
        Assert.False(harness.Media.Ended.IsCancellationRequested);
    }

    [Fact]
    public async Task RunAsync_ModelSendsDtmf_DigitsGoOutAndModelContinues()
    {
        await using var harness = new ConversationHarness(ConversationHarness.NewAgent(tools: [AgentTools.SendDtmf]));
        harness.Chat.Reply = messages => messages[^1].Role == ChatRole.Tool
            ? ["I pressed them."]
            : [new FunctionCallContent("c1", AgentTools.SendDtmf, new Dictionary<string, object?> { ["digits"] = "12#" })];
        await harness.StartAndWaitForGreetingAsync();

        await harness.SayAsync(5000, "press one two hash");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == "I pressed them."));

        Assert.Equal(['1', '2', '#'], harness.Media.SentDtmf);
        Assert.Equal(ChatRole.Assistant, harness.Chat.Requests[1][^2].Role);
        Assert.IsType<FunctionCallContent>(harness.Chat.Requests[1][^2].Contents.Single());
    }

    [Fact]
    public async Task RunAsync_ModelCallsToolTheAgentDoesNotAllow_NothingHappensAndToolsAreNotDeclared()
    {
        await using var harness = new ConversationHarness(ConversationHarness.NewAgent(tools: []));
        harness.Chat.Reply = messages => messages[^1].Role == ChatRole.Tool
            ? ["Still here."]
            : [new FunctionCallContent("c1", AgentTools.HangUp)];
        await harness.StartAndWaitForGreetingAsync();

        await harness.SayAsync(5000, "hang up");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == "Still here."));

        Assert.Null(harness.Chat.Options[0]!.Tools);
        Assert.False(harness.Media.Ended.IsCancellationRequested);
        var result = Assert.IsType<FunctionResultContent>(harness.Chat.Requests[1][^1].Contents.Single());
        Assert.StartsWith("error", (string)result.Result!, StringComparison.Ordinal);
    }
}

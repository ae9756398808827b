using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using VoiceConnector.Contracts;
using VoiceConnector.Edge.Ai.Scripted;

namespace VoiceConnector.Edge.Tests.Ai.Scripted;

public sealed class ScriptedChatClientTests : IDisposable
{
    private static readonly ChatOptions AllTools = new()
    {
        Tools = [.. AgentTools.All.Select(name => AIFunctionFactory.CreateDeclaration(name, name, AIJsonUtilities.CreateJsonSchema(typeof(object))))],
    };

    private readonly ScriptedChatClient _client = new(Options.Create(new ScriptedChatOptions { ChunkDelay = TimeSpan.Zero, TransferTarget = "+15550001111" }));

    [Fact]
    public async Task GetResponseAsync_OnlySystemPrompt_ReturnsGreeting()
    {
        var response = await _client.GetResponseAsync([new(ChatRole.System, "You are a phone agent.")]);

        Assert.Equal(new ScriptedChatOptions().Greeting, response.Text);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Goodbye_SaysGoodbyeThenCallsHangUp()
    {
        var updates = await _client.GetStreamingResponseAsync([new(ChatRole.User, "OK, that's all. Goodbye!")], AllTools).ToListAsync();

        Assert.True(updates.Count > 3, "streamed word by word");
        var response = updates.ToChatResponse();
        Assert.Equal("Thank you for calling. Goodbye!", response.Text);
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(AgentTools.HangUp, call.Name);
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Fact]
    public async Task GetResponseAsync_Operator_TransfersToConfiguredTarget()
    {
        var response = await _client.GetResponseAsync([new(ChatRole.User, "can I talk to an operator")], AllTools);

        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(AgentTools.Transfer, call.Name);
        Assert.Equal("+15550001111", call.Arguments!["target"]);
    }

    [Fact]
    public async Task GetResponseAsync_ToolNotOffered_RepliesWithoutToolCall()
    {
        var response = await _client.GetResponseAsync([new(ChatRole.User, "operator please")]);

        Assert.Equal("Let me put you through to an operator.", response.Text);
        Assert.Empty(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
    }

    [Fact]
    public async Task GetResponseAsync_NoIntentMatches_ReturnsFallback()
    {
        var response = await _client.GetResponseAsync([new(ChatRole.User, "What is the airspeed of a swallow?")], AllTools);

        Assert.Equal(new ScriptedChatOptions().FallbackReply, response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_KeywordInsideAnotherWord_DoesNotMatch()
    {
        var response = await _client.GetResponseAsync([new(ChatRole.User, "this is the thirdhour")], AllTools);

        Assert.Equal(new ScriptedChatOptions().FallbackReply, response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_AfterToolResult_SaysNothingMore()
    {
        List<ChatMessage> history =
        [
            new(ChatRole.User, "bye"),
            new(ChatRole.Assistant, [new TextContent("Goodbye!"), new FunctionCallContent("c1", AgentTools.HangUp)]),
            new(ChatRole.Tool, [new FunctionResultContent("c1", "ok")]),
        ];

        var response = await _client.GetResponseAsync(history, AllTools);

        Assert.Equal("", response.Text);
    }

    [Fact]
    public async Task GetResponseAsync_ConfiguredIntents_ReplaceDefaults()
    {
        var options = new ScriptedChatOptions { ChunkDelay = TimeSpan.Zero };
        options.Intents.Add(new ScriptedIntent { Name = "menu", Keywords = ["pressed 1"], Reply = "You chose sales.", Tool = AgentTools.SendDtmf, ToolArguments = new() { ["digits"] = "1" } });
        using var client = new ScriptedChatClient(Options.Create(options));

        var sales = await client.GetResponseAsync([new(ChatRole.User, "The caller pressed 1.")], AllTools);
        var bye = await client.GetResponseAsync([new(ChatRole.User, "goodbye")], AllTools);

        Assert.Equal("You chose sales.", sales.Text);
        Assert.Equal("1", Assert.Single(sales.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>()).Arguments!["digits"]);
        Assert.Equal(options.FallbackReply, bye.Text);
    }

    [Fact]
    public async Task GetStreamingResponseAsync_Cancelled_Stops()
    {
        using var slow = new ScriptedChatClient(Options.Create(new ScriptedChatOptions { ChunkDelay = TimeSpan.FromMilliseconds(200) }));
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var update in slow.GetStreamingResponseAsync([new(ChatRole.User, "what are your opening hours")], null, cts.Token))
            {
                await cts.CancelAsync();
            }
        });
    }

    public void Dispose() => _client.Dispose();
}

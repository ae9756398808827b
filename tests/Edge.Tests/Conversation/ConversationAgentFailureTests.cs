using VoiceConnector.Contracts;
using VoiceConnector.Edge.Conversation.Fallbacks;

namespace VoiceConnector.Edge.Tests.Conversation;

public sealed class ConversationAgentFailureTests
{
    private const string Apology = "I'm sorry, I had a problem there. Could you say that again?";

    [Fact]
    public async Task RunAsync_SpeechToTextDown_CallerHearsApologyAndCallGoesOn()
    {
        await using var harness = new ConversationHarness();
        harness.Chat.Reply = _ => ["Got it."];
        await harness.StartAndWaitForGreetingAsync();
        harness.Stt.FailuresLeft = 2;

        await harness.SayAsync(5000, "hello");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == Apology) && harness.PlayoutIdle());
        await harness.SayAsync(5000, "hello again");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == "Got it."));

        Assert.Equal(["Hello there.", Apology, "Got it."], harness.Heard().Select(h => h.Text));
    }

    [Fact]
    public async Task RunAsync_SpeechToTextFailsOnce_RetryAnswersWithoutApology()
    {
        await using var harness = new ConversationHarness();
        harness.Chat.Reply = _ => ["Got it."];
        await harness.StartAndWaitForGreetingAsync();
        harness.Stt.FailuresLeft = 1;

        await harness.SayAsync(5000, "hello");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == "Got it."));

        Assert.DoesNotContain(harness.Heard(), h => h.Text == Apology);
    }

    [Fact]
    public async Task RunAsync_ModelDown_CallerHearsApologyAndCallGoesOn()
    {
        await using var harness = new ConversationHarness();
        harness.Chat.Reply = _ => ["Back again."];
        await harness.StartAndWaitForGreetingAsync();
        harness.Chat.FailuresLeft = 2;

        await harness.SayAsync(5000, "hello");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == Apology) && harness.PlayoutIdle());
        await harness.SayAsync(5000, "hello again");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == "Back again."));

        Assert.False(harness.Media.Ended.IsCancellationRequested);
    }

    [Fact]
    public async Task RunAsync_ModelStreamBreaksHalfway_WhatWasWrittenIsSpokenThenApology()
    {
        await using var harness = new ConversationHarness();
        harness.Chat.Reply = _ => ["First part. ", "Second part."];
        harness.Chat.FailAfterPieces = 1;
        await harness.StartAndWaitForGreetingAsync();

        await harness.SayAsync(5000, "hello");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == Apology) && harness.PlayoutIdle());

        Assert.Equal(["Hello there.", "First part.", Apology], harness.Heard().Select(h => h.Text));
    }

    [Fact]
    public async Task RunAsync_TextToSpeechFailsForReply_PreRenderedApologyIsPlayed()
    {
        await using var harness = new ConversationHarness();
        harness.Chat.Reply = _ => ["This will not be heard."];
        await harness.StartAndWaitForGreetingAsync();
        harness.Tts.Down = true;

        await harness.SayAsync(5000, "hello");
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == Apology) && harness.PlayoutIdle());

        Assert.DoesNotContain(harness.Heard(), h => h.Text == "This will not be heard.");
        var record = await harness.EndAndGetRecordAsync();
        Assert.Contains(record.Turns, t => t.Role == TurnRoles.Agent && t.Text == Apology);
    }

    [Fact]
    public async Task RunAsync_TextToSpeechDownFromStart_BundledRecordingsAreSpoken()
    {
        await using var harness = new ConversationHarness();
        harness.Tts.Down = true;
        harness.Start();

        var bundledGreeting = FallbackPromptLibrary.Bundled(FallbackPrompt.Greeting).Length;
        await ConversationHarness.WaitUntilAsync(() => harness.Media.PlayoutQueuedPosition >= bundledGreeting && harness.PlayoutIdle());
        await harness.SayAsync(5000, "hello");
        var bundledApology = FallbackPromptLibrary.Bundled(FallbackPrompt.Apology).Length;
        await ConversationHarness.WaitUntilAsync(() => harness.Media.PlayoutQueuedPosition >= bundledGreeting + bundledApology && harness.PlayoutIdle());

        Assert.True(bundledGreeting > 16_000, "the bundled greeting is over a second of audio");
        Assert.Equal(bundledGreeting + bundledApology, harness.Media.Audio().Length);
        var record = await harness.EndAndGetRecordAsync();
        Assert.Equal(["Hello, how can I help you?", "hello", Apology], record.Turns.Select(t => t.Text));
    }
}

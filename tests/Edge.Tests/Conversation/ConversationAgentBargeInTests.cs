using Microsoft.Extensions.AI;

namespace VoiceConnector.Edge.Tests.Conversation;

public sealed class ConversationAgentBargeInTests
{
    private const string LongReply = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen.";
    private const int SamplesPerWord = 200 * 16;

    [Fact]
    public async Task RunAsync_CallerTalksOverReply_PlayoutStopsAndHistoryHoldsOnlyHeardWords()
    {
        await using var harness = new ConversationHarness();
        harness.Chat.Reply = messages => messages[^1].Text == "tell me a story" ? [LongReply] : ["Sure."];
        await harness.StartAndWaitForGreetingAsync();
        await harness.SayAsync(5000, "tell me a story");
        var replyStart = await WaitForReplyAudioAsync(harness);

        await ConversationHarness.WaitUntilAsync(() => harness.Media.PlayoutPlayedPosition >= replyStart + (4 * SamplesPerWord));
        await harness.SayAsync(5010, "wait stop", 600);
        await ConversationHarness.WaitUntilAsync(() => harness.Chat.Requests.Count == 2);

        var cleared = harness.Media.ClearedAt[0];
        Assert.All(harness.Media.ClearedAt, at => Assert.Equal(cleared, at));
        var heardWords = (int)((cleared - replyStart) / SamplesPerWord);
        Assert.InRange(heardWords, 4, 10);
        var reply = harness.Heard().Single(h => h.Text == LongReply);
        Assert.Equal(cleared - replyStart, reply.Samples);
        var history = harness.Chat.Requests[1];
        Assert.Equal(ChatRole.Assistant, history[^2].Role);
        Assert.Equal(string.Join(' ', LongReply.Split(' ').Take(heardWords)), history[^2].Text);
        Assert.Equal("wait stop", history[^1].Text);

        var record = await harness.EndAndGetRecordAsync();
        var cut = Assert.Single(record.Turns, t => t.Interrupted);
        Assert.Equal(history[^2].Text, cut.Text);
    }

    [Fact]
    public async Task RunAsync_ShortNoiseDuringReply_DoesNotInterrupt()
    {
        await using var harness = new ConversationHarness();
        harness.Chat.Reply = _ => [LongReply];
        await harness.StartAndWaitForGreetingAsync();
        await harness.SayAsync(5000, "tell me a story");
        var replyStart = await WaitForReplyAudioAsync(harness);
        await ConversationHarness.WaitUntilAsync(() => harness.Media.PlayoutPlayedPosition >= replyStart + (2 * SamplesPerWord));

        await harness.SayAsync(5020, "cough", 120);
        await ConversationHarness.WaitUntilAsync(() => harness.Media.PlayoutPlayedPosition >= replyStart + (15 * SamplesPerWord) && harness.PlayoutIdle());

        Assert.Empty(harness.Media.ClearedAt);
        Assert.Equal(15 * SamplesPerWord, harness.Heard().Single(h => h.Text == LongReply).Samples);
        Assert.Single(harness.Stt.ReceivedSampleCounts);
        Assert.Single(harness.Chat.Requests);
    }

    [Fact]
    public async Task RunAsync_BargeInTranscribesToNothing_AgentResumesWithTheUnheardRest()
    {
        await using var harness = new ConversationHarness();
        harness.Chat.Reply = _ => [LongReply];
        await harness.StartAndWaitForGreetingAsync();
        await harness.SayAsync(5000, "tell me a story");
        var replyStart = await WaitForReplyAudioAsync(harness);
        await ConversationHarness.WaitUntilAsync(() => harness.Media.PlayoutPlayedPosition >= replyStart + (3 * SamplesPerWord));

        // Loud enough and long enough to interrupt, but nothing the STT understands.
        await harness.SayAsync(5030, "", 400);
        var cleared = await WaitForClearAsync(harness);
        var heardWords = (int)((cleared - replyStart) / SamplesPerWord);
        var rest = string.Join(' ', LongReply.Split(' ').Skip(heardWords));
        await ConversationHarness.WaitUntilAsync(() => harness.Tts.Requests.Contains(rest) && harness.PlayoutIdle());

        Assert.Single(harness.Chat.Requests);
        Assert.Equal(rest.Split(' ').Length * SamplesPerWord, harness.Heard().Single(h => h.Text == rest).Samples);
        var record = await harness.EndAndGetRecordAsync();
        Assert.Equal(rest, record.Turns[^1].Text);
    }

    [Fact]
    public async Task RunAsync_CallerSpeaksWhileModelThinks_ReplyIsCancelledAndBothUtterancesAnswered()
    {
        await using var harness = new ConversationHarness();
        var pause = new TaskCompletionSource();
        harness.Chat.Reply = messages => messages[^1].Text == "book a table for two" ? ["Done. ", "Booked."] : ["Thinking."];
        await harness.StartAndWaitForGreetingAsync();
        harness.Chat.PauseAfterFirstPiece = pause;

        await harness.SayAsync(5000, "book a table", 400);
        await ConversationHarness.WaitUntilAsync(() => harness.Chat.Requests.Count == 1);
        await harness.SayAsync(5040, "for two", 400);
        harness.Chat.PauseAfterFirstPiece = null;
        await ConversationHarness.WaitUntilAsync(() => harness.Chat.Requests.Count == 2);
        pause.SetResult();

        Assert.Equal("book a table for two", harness.Chat.Requests[1][^1].Text);
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == "Booked."));
    }

    private static async Task<long> WaitForReplyAudioAsync(ConversationHarness harness)
    {
        await ConversationHarness.WaitUntilAsync(() => harness.Heard().Any(h => h.Text == LongReply));
        var start = 0L;
        foreach (var (text, samples) in harness.Heard())
        {
            if (text == LongReply)
            {
                return start;
            }

            start += samples;
        }

        throw new InvalidOperationException("unreachable");
    }

    private static async Task<long> WaitForClearAsync(ConversationHarness harness)
    {
        await ConversationHarness.WaitUntilAsync(() => harness.Media.ClearedAt.Count > 0);
        return harness.Media.ClearedAt[0];
    }
}

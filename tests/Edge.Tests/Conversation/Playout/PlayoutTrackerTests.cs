using VoiceConnector.Edge.Conversation.Playout;

namespace VoiceConnector.Edge.Tests.Conversation.Playout;

public sealed class PlayoutTrackerTests
{
    [Fact]
    public void Split_PlayedIntoSecondChunk_HeardHoldsFirstChunkAndProportionOfSecond()
    {
        var tracker = new PlayoutTracker();
        var first = tracker.BeginSegment("Hello there.", 1_000);
        first.Synthesized = 2_000;
        first.End = 3_000;
        first.Complete = true;
        var second = tracker.BeginSegment("one two three four", 3_000);
        second.Synthesized = 4_000;
        second.End = 7_000;
        second.Complete = true;

        var split = tracker.Split(5_100, "and more");

        Assert.Equal("Hello there. one two", split.Heard);
        Assert.Equal("three four and more", split.Unheard);
    }

    [Fact]
    public void Split_ChunkStillBeingSynthesized_EstimatesItsLength()
    {
        var tracker = new PlayoutTracker();
        var segment = tracker.BeginSegment("a b c d e f g h i j", 0);
        segment.Synthesized = 16_000;
        segment.End = 16_000;

        // Ten words take about 64,000 samples: a quarter of a second of audio in, two words were heard.
        var split = tracker.Split(16_000, "");

        Assert.Equal("a b", split.Heard);
    }

    [Fact]
    public void Split_BeforeAnyAudio_NothingHeard()
    {
        var tracker = new PlayoutTracker();
        var segment = tracker.BeginSegment("never heard", 500);
        segment.Synthesized = 100;
        segment.End = 600;
        segment.Complete = true;

        Assert.Equal(new PlayoutSplit("", "never heard"), tracker.Split(500, ""));
    }
}

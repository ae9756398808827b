using VoiceConnector.Edge.Conversation.Replies;

namespace VoiceConnector.Edge.Tests.Conversation.Replies;

public sealed class SentenceChunkerTests
{
    [Fact]
    public void Append_StreamedTokens_EmitsEachSentenceOnceItEnds()
    {
        var chunker = new SentenceChunker();
        var chunks = new List<string>();
        foreach (var token in new[] { "Hel", "lo there", ". How", " are you", "? I'm", " fine!", " Bye" })
        {
            chunks.AddRange(chunker.Append(token));
        }

        Assert.Equal(["Hello there.", "How are you?", "I'm fine!"], chunks);
        Assert.Equal("Bye", chunker.Flush());
        Assert.Null(chunker.Flush());
    }

    [Fact]
    public void Append_AbbreviationsAndDecimals_DoNotEndASentence()
    {
        var chunker = new SentenceChunker();
        var chunks = chunker.Append("Dr. Smith paid 3.50 dollars today. Next ").ToList();

        Assert.Equal(["Dr. Smith paid 3.50 dollars today."], chunks);
    }

    [Fact]
    public void Append_LongFirstClause_IsCutAtACommaToStartSpeakingSooner()
    {
        var chunker = new SentenceChunker();
        var chunks = chunker.Append("Well, after looking at all of the options you have described to me, the best one ").ToList();

        Assert.Equal(["Well, after looking at all of the options you have described to me,"], chunks);
    }

    [Fact]
    public void Append_RunOnTextWithoutPunctuation_IsCutAtASpaceBeforeItGetsTooLong()
    {
        var chunker = new SentenceChunker();
        var chunks = chunker.Append("Well. " + string.Join(' ', Enumerable.Repeat("word", 60))).ToList();

        Assert.Equal(2, chunks.Count);
        Assert.True(chunks[1].Length <= 200);
        Assert.EndsWith("word", chunks[1], StringComparison.Ordinal);
    }
}

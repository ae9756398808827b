namespace VoiceConnector.Edge.Conversation.Playout;

/// <summary>One chunk of agent text and where its audio sits in the playout (16 kHz sample positions).</summary>
internal sealed class PlayoutSegment(string text, long start)
{
    /// <summary>Average spoken word length used while a chunk's total audio is not yet known (about 2.5 words/s).</summary>
    private const int EstimatedSamplesPerWord = 6_400;

    private readonly string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string Text { get; } = text;

    public long Start { get; } = start;

    /// <summary>End of the chunk's audio queued so far.</summary>
    public long End { get; set; } = start;

    /// <summary>Samples of the chunk's audio synthesized so far (ahead of what is queued).</summary>
    public long Synthesized { get; set; }

    /// <summary>True once all of the chunk's audio was synthesized: <see cref="Synthesized"/> is its length.</summary>
    public bool Complete { get; set; }

    public int WordCount => words.Length;

    /// <summary>Words heard when playout reached <paramref name="playedPosition"/>, proportionally within the chunk.</summary>
    public int WordsHeard(long playedPosition)
    {
        if (playedPosition <= Start || words.Length == 0)
        {
            return 0;
        }

        var total = Complete ? Synthesized : Math.Max(Synthesized, (long)words.Length * EstimatedSamplesPerWord);
        // Chunks are queued back to back, so the chunk's audio spans [Start, Start + Synthesized) even while part of
        // it still waits to be accepted by the seam (End lags behind then).
        var played = Math.Min(playedPosition - Start, Math.Max(End - Start, Synthesized));
        return played >= total ? words.Length : (int)(played * words.Length / Math.Max(1, total));
    }

    public IEnumerable<string> Words => words;
}

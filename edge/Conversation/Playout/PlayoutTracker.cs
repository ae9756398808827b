namespace VoiceConnector.Edge.Conversation.Playout;

/// <summary>
/// Remembers, for the reply being spoken, which text each stretch of queued audio carries, so that after a barge-in
/// the reply can be cut to the words the caller actually heard. One per call; <see cref="BeginReply"/> resets it.
/// </summary>
internal sealed class PlayoutTracker
{
    private readonly List<PlayoutSegment> segments = [];
    private readonly object gate = new();

    public void BeginReply()
    {
        lock (gate)
        {
            segments.Clear();
        }
    }

    /// <summary>Starts a chunk whose audio begins at the current queued position.</summary>
    public PlayoutSegment BeginSegment(string text, long queuedPosition)
    {
        var segment = new PlayoutSegment(text, queuedPosition);
        lock (gate)
        {
            segments.Add(segment);
        }

        return segment;
    }

    /// <summary>Splits the reply's text into what was heard by <paramref name="playedPosition"/> and the rest.</summary>
    /// <param name="playedPosition">The played position (e.g. returned by <c>ClearPlayout</c>).</param>
    /// <param name="unqueuedText">Reply text not yet handed to TTS (still in the chunker or the LLM stream).</param>
    public PlayoutSplit Split(long playedPosition, string unqueuedText)
    {
        var heard = new List<string>();
        var unheard = new List<string>();
        lock (gate)
        {
            foreach (var segment in segments)
            {
                var count = segment.WordsHeard(playedPosition);
                var index = 0;
                foreach (var word in segment.Words)
                {
                    (index++ < count ? heard : unheard).Add(word);
                }
            }
        }

        var remainder = string.Join(' ', unheard);
        if (!string.IsNullOrWhiteSpace(unqueuedText))
        {
            remainder = remainder.Length == 0 ? unqueuedText.Trim() : remainder + " " + unqueuedText.Trim();
        }

        return new PlayoutSplit(string.Join(' ', heard), remainder);
    }
}

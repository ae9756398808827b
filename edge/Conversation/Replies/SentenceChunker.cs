using System.Text;

namespace VoiceConnector.Edge.Conversation.Replies;

/// <summary>
/// Cuts streamed LLM text into speakable chunks: a chunk ends at a sentence end (<c>. ! ?</c> and the like, followed by
/// white space) or, for run-on text, at a clause break or space once it is long. The first chunk may be cut early at
/// a clause break so the agent starts talking sooner.
/// </summary>
internal sealed class SentenceChunker
{
    private const int FirstChunkClauseChars = 60;
    private const int MaxChunkChars = 200;
    private static readonly string[] Abbreviations = ["mr.", "mrs.", "ms.", "dr.", "st.", "e.g.", "i.e.", "etc.", "vs."];
    private readonly StringBuilder pending = new();
    private bool emittedAny;

    /// <summary>Text received but not yet emitted as a chunk.</summary>
    public string Pending => pending.ToString();

    /// <summary>Adds streamed text; returns the chunks it completed (often none).</summary>
    public IReadOnlyList<string> Append(string text)
    {
        pending.Append(text);
        List<string>? chunks = null;
        while (TryCut(out var chunk))
        {
            (chunks ??= []).Add(chunk);
        }

        return chunks ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Ends the stream: the rest, if any, is the last chunk.</summary>
    public string? Flush()
    {
        var rest = pending.ToString().Trim();
        pending.Clear();
        return rest.Length == 0 ? null : rest;
    }

    private bool TryCut(out string chunk)
    {
        chunk = "";
        var text = pending.ToString();
        var cut = FindSentenceEnd(text);
        if (cut < 0 && !emittedAny && text.Length >= FirstChunkClauseChars)
        {
            cut = FindLast(text, [',', ';', ':'], FirstChunkClauseChars / 2, text.Length);
        }

        if (cut < 0 && text.Length >= MaxChunkChars)
        {
            cut = FindLast(text, [',', ';', ':', ' '], MaxChunkChars / 2, MaxChunkChars);
            cut = cut < 0 ? MaxChunkChars : cut;
        }

        if (cut < 0)
        {
            return false;
        }

        var candidate = text[..cut].Trim();
        pending.Remove(0, cut);
        if (candidate.Length == 0)
        {
            return pending.Length > 0 && TryCut(out chunk);
        }

        chunk = candidate;
        emittedAny = true;
        return true;
    }

    /// <summary>Index just after the first sentence end that is followed by white space; -1 when none.</summary>
    private static int FindSentenceEnd(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            var c = text[i];
            var isEnd = c is '.' or '!' or '?' or '\n' or '…';
            if (!isEnd || !char.IsWhiteSpace(text[i + 1]))
            {
                continue;
            }

            if (c == '.' && EndsWithAbbreviation(text, i))
            {
                continue;
            }

            return i + 1;
        }

        return -1;
    }

    private static bool EndsWithAbbreviation(string text, int dotIndex)
    {
        var start = text.LastIndexOf(' ', dotIndex) + 1;
        var word = text.AsSpan(start, dotIndex - start + 1);
        foreach (var abbreviation in Abbreviations)
        {
            if (word.Equals(abbreviation, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Index just after the last of <paramref name="breaks"/> in [<paramref name="minIndex"/>, <paramref name="limit"/>); -1 when none.</summary>
    private static int FindLast(string text, char[] breaks, int minIndex, int limit)
    {
        var at = text.LastIndexOfAny(breaks, Math.Min(text.Length, limit) - 1);
        return at >= minIndex ? at + 1 : -1;
    }
}

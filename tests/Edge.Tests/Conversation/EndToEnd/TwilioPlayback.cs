using VoiceConnector.Edge.Media.Codecs;

namespace VoiceConnector.Edge.Tests.Conversation.EndToEnd;

/// <summary>
/// What a caller behind Twilio hears of the edge's <c>media</c>: Twilio buffers it and plays it in order, each message
/// after the one before and never before it arrived; <c>clear</c> drops what has not been played by then. Times are
/// ms of the stream client's clock; audio is 8 kHz PCM. Not thread-safe (the caller updates it under the client's lock).
/// </summary>
internal sealed class TwilioPlayback
{
    /// <summary>A wait for audio shorter than this is a dropout within an utterance; longer, a pause between two.</summary>
    private const double DropoutMaxMs = 300;

    private readonly List<(double StartMs, short[] Pcm)> heard = [];
    private int mediaSeen;
    private int clearsSeen;
    private double endMs;

    /// <summary>Times Twilio ran dry within an utterance (the caller heard a gap), and their total length.</summary>
    public (int Count, double TotalMs) Dropouts { get; private set; }

    /// <summary>Takes in the messages received since the last call (both lists only grow), in arrival order.</summary>
    public void Add(IReadOnlyList<(double AtMs, byte[] Audio)> media, IReadOnlyList<double> clears)
    {
        while (mediaSeen < media.Count || clearsSeen < clears.Count)
        {
            var nextClear = clearsSeen < clears.Count ? clears[clearsSeen] : double.MaxValue;
            if (mediaSeen < media.Count && media[mediaSeen].AtMs <= nextClear)
            {
                Play(media[mediaSeen].AtMs, media[mediaSeen].Audio);
                mediaSeen++;
            }
            else
            {
                Cut(nextClear);
                clearsSeen++;
            }
        }
    }

    /// <summary>The audio whose playing started between <paramref name="sinceMs"/> and <paramref name="nowMs"/>.</summary>
    public short[] HeardSince(double sinceMs, double nowMs)
    {
        var pcm = new List<short>();
        foreach (var (start, samples) in heard)
        {
            if (start >= sinceMs && start <= nowMs)
            {
                pcm.AddRange(samples);
            }
        }

        return [.. pcm];
    }

    /// <summary>When the last loud 20 ms that has started playing by <paramref name="nowMs"/> started; NaN when none.</summary>
    public double LastLoudStartMs(double nowMs)
    {
        for (var i = heard.Count - 1; i >= 0; i--)
        {
            if (heard[i].StartMs <= nowMs && ConversationCaller.IsLoud(heard[i].Pcm))
            {
                return heard[i].StartMs;
            }
        }

        return double.NaN;
    }

    private void Play(double atMs, byte[] muLaw)
    {
        var pcm = new short[muLaw.Length];
        MuLaw.Decode(muLaw, pcm);
        var start = Math.Max(endMs, atMs);
        if (atMs > endMs && atMs - endMs < DropoutMaxMs && heard.Count > 0)
        {
            Dropouts = (Dropouts.Count + 1, Dropouts.TotalMs + (atMs - endMs));
        }

        heard.Add((start, pcm));
        endMs = start + (pcm.Length / 8.0);
    }

    private void Cut(double atMs)
    {
        endMs = Math.Min(endMs, atMs);
        while (heard.Count > 0 && heard[^1].StartMs >= atMs)
        {
            heard.RemoveAt(heard.Count - 1);
        }

        if (heard.Count > 0)
        {
            var (start, pcm) = heard[^1];
            var played = (int)((atMs - start) * 8);
            if (played < pcm.Length)
            {
                heard[^1] = (start, pcm[..played]);
            }
        }
    }
}

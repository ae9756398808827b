using VoiceConnector.Edge.Tests.Twilio;

namespace VoiceConnector.Edge.Tests.Conversation.EndToEnd;

/// <summary>
/// What the Twilio side saw of a reply cut by a barge-in, from the stream client's records (times in its ms): the
/// reply's audio up to the edge's <c>clear</c>, the part of it the marks echoed before the clear confirmed as played,
/// and when the edge sent audio again.
/// </summary>
internal sealed record TwilioReplyLog(double ClearMs, int SentBytes, string ConfirmedMark, int ConfirmedBytes, double NextMediaMs)
{
    /// <summary>Reads the first reply the edge sent after <paramref name="sinceMs"/> and the first clear that followed it.</summary>
    public static TwilioReplyLog Read(TwilioStreamClient client, double sinceMs) => client.Read(c =>
    {
        var first = c.Media.FindIndex(m => m.AtMs > sinceMs);
        Assert.True(first >= 0, "the edge sent no reply");
        var clears = c.Clears.Where(t => t > c.Media[first].AtMs).ToList();
        Assert.True(clears.Count > 0, "the edge sent no clear after the reply started");
        var clearMs = clears[0];

        // Audio sent ahead of each mark of the reply (media and marks are in the order the edge sent them).
        var bytesAtMark = new Dictionary<string, int>();
        var media = 0;
        var bytes = 0;
        foreach (var (name, kind) in c.Events.Select(e => (e.Name, e.Event)))
        {
            if (kind == "media")
            {
                bytes += media >= first && c.Media[media].AtMs < clearMs ? c.Media[media].Audio.Length : 0;
                media++;
            }
            else if (kind == "mark" && media > first)
            {
                bytesAtMark[name] = bytes;
            }
        }

        var confirmed = c.Echoes.LastOrDefault(e => e.AtMs < clearMs && bytesAtMark.ContainsKey(e.Name)).Name ?? "";
        var next = c.Media.FirstOrDefault(m => m.AtMs > clearMs).AtMs;
        return new TwilioReplyLog(clearMs, bytes, confirmed, bytesAtMark.GetValueOrDefault(confirmed), next > 0 ? next : double.PositiveInfinity);
    });
}

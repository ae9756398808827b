using Xunit.Abstractions;

namespace VoiceConnector.Edge.Tests.Conversation.EndToEnd;

/// <summary>
/// The end-to-end calls through Twilio Media Streams (<c>/twilio/media</c> on the edge's HTTP server), Twilio played
/// by <see cref="TwilioCaller"/>. On a barge-in the edge must also have sent <c>clear</c>, sent nothing more of the cut
/// reply, and cut the reply's text where the marks echoed before the clear say playback had got to.
/// </summary>
[Collection(Collection)]
public sealed class TwilioConversationTests(ITestOutputHelper output) : ConversationScenarios(output)
{
    private protected override async Task<ConversationCaller> CallAsync(ConversationEdgeHost edge) => await TwilioCaller.CallAsync(edge.TwilioStreamUri);

    private protected override async Task VerifyBargeInAsync(ConversationEdgeHost edge, ConversationCaller caller, BargeInObservation bargeIn)
    {
        var twilio = (TwilioCaller)caller;
        var log = TwilioReplyLog.Read(twilio.Stream, twilio.ToStreamMs(bargeIn.AskedAt));
        var interruptedMs = twilio.ToStreamMs(bargeIn.InterruptedAt);
        var fullReply = (await SpeechAsync(edge, HoursReply)).Length;
        var words = HoursReply.Split(' ').Length;
        var cutWords = bargeIn.Cut.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var confirmedWords = 2.0 * log.ConfirmedBytes * words / fullReply;
        Output.WriteLine(
            $"clear {log.ClearMs - interruptedMs:F0} ms after the caller started talking over the agent; reply audio sent before it " +
            $"{log.SentBytes / 8} ms, confirmed played by the last mark echoed before it ({log.ConfirmedMark}) {log.ConfirmedBytes / 8} ms " +
            $"= {confirmedWords:F1} of {words} words; kept in the history: {cutWords} words; clear messages in the call: " +
            twilio.Stream.Read(c => string.Join(", ", c.Clears.Select(t => $"{t - interruptedMs:F0} ms"))) +
            $"; dropouts heard in the call: {twilio.Dropouts.Count} ({twilio.Dropouts.TotalMs:F0} ms)");

        Assert.InRange(log.ClearMs - interruptedMs, 0, StopBoundMs);
        Assert.True(
            log.NextMediaMs >= twilio.ToStreamMs(bargeIn.InterruptionEndsAt),
            $"after the clear the edge sent more audio at {log.NextMediaMs - interruptedMs:F0} ms, while the caller was still talking over it");
        Assert.True(log.ConfirmedBytes < log.SentBytes, "the marks echoed before the clear lag the audio sent");
        Assert.InRange((double)cutWords, Math.Floor(confirmedWords) - 1, Math.Ceiling(confirmedWords) + 1);
    }
}

using System.Collections.Concurrent;
using System.Globalization;
using VoiceConnector.TwilioFake.Responses;
using VoiceConnector.TwilioFake.State;

namespace VoiceConnector.TwilioFake.Webhooks;

/// <summary>
/// Plays Twilio's side of calls: an inbound call to a bought number (signed voice webhook to its VoiceUrl) and
/// call progress (signed status callbacks for the events the call subscribed to, with SequenceNumber).
/// </summary>
public sealed class TwilioCallSimulator(FakeTwilioState state, TwilioWebhookSender sender, string accountSid, TimeProvider time)
{
    private static readonly string[] CompletedOnly = ["completed"];
    private readonly ConcurrentDictionary<string, int> sequence = new(StringComparer.Ordinal);

    /// <summary>A caller dials <paramref name="to"/> (a bought number): Twilio creates a ringing inbound call and asks its VoiceUrl for TwiML.</summary>
    public async Task<(FakeCall Call, HttpResponseMessage Response)> PlaceInboundCallAsync(string to, string from, CancellationToken cancellationToken)
    {
        var number = state.Numbers.FirstOrDefault(n => n.PhoneNumber == to)
            ?? throw new InvalidOperationException($"{to} is not a number of this account.");
        var voiceUrl = number.VoiceUrl ?? throw new InvalidOperationException($"{to} has no VoiceUrl.");
        var now = time.GetUtcNow();
        var call = new FakeCall(FakeSids.New("CA"), to, from, "ringing", "inbound", null, voiceUrl, number.StatusCallback,
            number.StatusCallbackMethod, CompletedOnly, number.Sid, now, now, null, null);
        state.AddCall(call);
        var response = await sender.PostAsync(new Uri(voiceUrl), CallParameters(call), cancellationToken);
        return (call, response);
    }

    /// <summary>
    /// Moves a call to <paramref name="status"/> and sends the status callback when the call subscribed to that event
    /// (initiated, ringing, answered = in-progress, completed = any final status). Null when nothing was sent.
    /// </summary>
    public async Task<HttpResponseMessage?> SetCallStatusAsync(string callSid, string status, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var final = status is "completed" or "busy" or "failed" or "no-answer" or "canceled";
        var call = state.UpdateCall(callSid, c => c with
        {
            Status = status,
            DateUpdated = now,
            StartTime = status == "in-progress" ? now : c.StartTime,
            EndTime = final ? now : c.EndTime,
        }) ?? throw new InvalidOperationException($"No call {callSid}.");
        var callbackEvent = final ? "completed" : status == "in-progress" ? "answered" : status;
        if (call.StatusCallback is null || !call.StatusCallbackEvents.Contains(callbackEvent))
        {
            return null;
        }

        var form = CallParameters(call);
        form.Add(new("CallbackSource", "call-progress-events"));
        form.Add(new("SequenceNumber", sequence.AddOrUpdate(callSid, 0, (_, n) => n + 1).ToString(CultureInfo.InvariantCulture)));
        form.Add(new("Timestamp", ResourceValues.Rfc2822(now)));
        if (final)
        {
            var seconds = call.StartTime is { } start ? (int)(now - start).TotalSeconds : 0;
            form.Add(new("CallDuration", seconds.ToString(CultureInfo.InvariantCulture)));
            form.Add(new("Duration", ((seconds + 59) / 60).ToString(CultureInfo.InvariantCulture)));
        }

        return await sender.PostAsync(new Uri(call.StatusCallback), form, cancellationToken);
    }

    private List<KeyValuePair<string, string>> CallParameters(FakeCall call) =>
    [
        new("AccountSid", accountSid),
        new("ApiVersion", ResourceValues.ApiVersion),
        new("CallSid", call.Sid),
        new("CallStatus", call.Status),
        new("Called", call.To),
        new("Caller", call.From),
        new("Direction", call.Direction),
        new("From", call.From),
        new("To", call.To),
    ];
}

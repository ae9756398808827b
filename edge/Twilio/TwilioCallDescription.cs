using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Twilio.Protocol;

namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// The <see cref="CallDescription"/> of a Media Stream, from its <c>start</c> message: caller and called number from
/// the custom parameters the functions app's TwiML sets (<c>from</c>/<c>From</c>, <c>to</c>/<c>To</c>/<c>number</c>).
/// </summary>
internal static class TwilioCallDescription
{
    public static CallDescription From(TwilioStart start)
    {
        var parameters = start.CustomParameters;
        return new CallDescription(
            start.StreamSid,
            CallTransport.TwilioMediaStreams,
            Parameter(parameters, "from", "From"),
            Parameter(parameters, "to", "To", "number"),
            "PCMU",
            DateTimeOffset.UtcNow,
            parameters,
            string.IsNullOrEmpty(start.CallSid) ? null : start.CallSid);
    }

    /// <summary>The first of <paramref name="names"/> present in the stream's custom parameters, else "".</summary>
    private static string Parameter(IReadOnlyDictionary<string, string> parameters, params ReadOnlySpan<string> names)
    {
        foreach (var name in names)
        {
            if (parameters.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value))
            {
                return value;
            }
        }

        return "";
    }
}

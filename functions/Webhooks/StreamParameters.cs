using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Webhooks;

/// <summary>
/// The <c>&lt;Parameter&gt;</c>s of the Media Stream (the edge reads them from <c>start.customParameters</c>):
/// agentId, tenantId, number (ours, E.164), to, from, direction. The called and calling numbers are also sent as
/// "To" and "From" (Twilio's own capitalisation), which the edge's Media Streams session reads.
/// </summary>
public static class StreamParameters
{
    public static IReadOnlyList<KeyValuePair<string, string>> For(StoredNumber number, string agentId, string from, string to, bool outbound)
    {
        ArgumentNullException.ThrowIfNull(number);
        return
        [
            new("agentId", agentId),
            new("tenantId", number.TenantId),
            new("number", number.PhoneNumber),
            new("to", to),
            new("from", from),
            new("direction", outbound ? "outbound" : "inbound"),
            new("To", to),
            new("From", from),
        ];
    }
}

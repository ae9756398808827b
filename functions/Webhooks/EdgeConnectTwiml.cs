using Microsoft.Extensions.Options;
using VoiceConnector.Functions.Configuration;
using VoiceConnector.Functions.Storage;

namespace VoiceConnector.Functions.Webhooks;

/// <summary>
/// The TwiML that hands a call on one of our numbers to the edge, the same for inbound calls (voice webhook) and
/// outbound calls (<c>POST /v1/calls</c>): <c>&lt;Connect&gt;&lt;Stream&gt;</c>, or <c>&lt;Dial&gt;&lt;Sip&gt;</c> for
/// numbers routed over SIP.
/// </summary>
public sealed class EdgeConnectTwiml(IOptions<EdgeOptions> options)
{
    private readonly EdgeOptions edge = options.Value;

    /// <summary>What the caller hears when the call cannot reach an agent.</summary>
    public string Fallback => Twiml.SayAndHangup(edge.FallbackMessage);

    /// <summary>The TwiML, and "stream" or "sip"; null when the edge address for this routing is not configured.</summary>
    public (string Twiml, string Kind)? For(StoredNumber number, string agentId, string from, string to, bool outbound)
    {
        ArgumentNullException.ThrowIfNull(number);
        if (number.Routing == NumberRoutings.Sip)
        {
            return edge.SipUri.Length == 0 ? null : (Twiml.DialSip(EdgeSipUri.ForNumber(edge.SipUri, number.PhoneNumber)), "sip");
        }

        return edge.MediaStreamUrl is { } streamUrl
            ? (Twiml.ConnectStream(streamUrl, StreamParameters.For(number, agentId, from, to, outbound), edge.StreamFailureMessage), "stream")
            : null;
    }
}

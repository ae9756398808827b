using System.Net;
using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Sip.Sdp;

/// <summary>What offer/answer chose from an offer: the audio stream, codec and directions.</summary>
/// <param name="MediaIndex">Index of the accepted audio m= line in the offer.</param>
/// <param name="Codec">Best codec the caller offered (G.722, then PCMU, then PCMA), with the caller's payload type.</param>
/// <param name="TelephoneEventPayloadType">RFC 4733 payload type offered at the codec's clock, or null.</param>
/// <param name="TelephoneEventFormat">The caller's fmtp for telephone-event, or null.</param>
/// <param name="RemoteEndPoint">Caller's RTP address from c= and m=.</param>
/// <param name="PtimeMs">Packet time the caller wants to receive.</param>
/// <param name="AnswerDirection">Direction we put in the answer (mirrors the offer, RFC 3264 §6.1).</param>
public sealed record SdpMediaSelection(
    int MediaIndex,
    RtpCodec Codec,
    int? TelephoneEventPayloadType,
    string? TelephoneEventFormat,
    IPEndPoint RemoteEndPoint,
    int PtimeMs,
    SdpDirection AnswerDirection)
{
    /// <summary>True when we may send audio: the answer allows it and the caller did not give a null (hold) address.</summary>
    public bool Sending => AnswerDirection is SdpDirection.SendRecv or SdpDirection.SendOnly
        && !RemoteEndPoint.Address.Equals(IPAddress.Any) && !RemoteEndPoint.Address.Equals(IPAddress.IPv6Any);

    /// <summary>The RTP session parameters this selection means.</summary>
    public RtpSessionParameters ToParameters() => new(Codec, TelephoneEventPayloadType, RemoteEndPoint, PtimeMs, Sending);
}

using System.Net;

namespace VoiceConnector.Edge.Rtp;

/// <summary>What offer/answer settled for a call's media.</summary>
/// <param name="Codec">The audio codec both sides use.</param>
/// <param name="TelephoneEventPayloadType">RFC 4733 payload type, or null when the caller did not offer telephone-event.</param>
/// <param name="RemoteEndPoint">Where the caller's SDP says to send RTP (replaced by the address packets really come from).</param>
/// <param name="PtimeMs">Packet duration (20 ms unless the caller asked otherwise).</param>
/// <param name="Sending">False when the caller put us on hold (a=sendonly/inactive from them): send no audio.</param>
public sealed record RtpSessionParameters(
    RtpCodec Codec,
    int? TelephoneEventPayloadType,
    IPEndPoint RemoteEndPoint,
    int PtimeMs = 20,
    bool Sending = true);

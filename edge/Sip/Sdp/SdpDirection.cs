namespace VoiceConnector.Edge.Sip.Sdp;

/// <summary>Media direction attribute (RFC 4566 §6, RFC 3264 §6.1), from the point of view of the SDP's author.</summary>
public enum SdpDirection
{
    SendRecv,
    SendOnly,
    RecvOnly,
    Inactive,
}

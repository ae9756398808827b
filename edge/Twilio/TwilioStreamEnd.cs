using System.Net.WebSockets;

namespace VoiceConnector.Edge.Twilio;

/// <summary>Why a stream ends: the call's end reason and the WebSocket close status sent to Twilio.</summary>
internal sealed record TwilioStreamEnd(string Reason, WebSocketCloseStatus Status)
{
    public static readonly TwilioStreamEnd CallerHangUp = new("caller-hangup", WebSocketCloseStatus.NormalClosure);
    public static readonly TwilioStreamEnd Transfer = new("transfer", WebSocketCloseStatus.NormalClosure);
    public static readonly TwilioStreamEnd SocketClosed = new("socket-closed", WebSocketCloseStatus.NormalClosure);
    public static readonly TwilioStreamEnd MalformedJson = new("malformed-json", WebSocketCloseStatus.InvalidPayloadData);
    public static readonly TwilioStreamEnd BadBase64 = new("bad-base64", WebSocketCloseStatus.InvalidPayloadData);
    public static readonly TwilioStreamEnd TooLarge = new("message-too-large", WebSocketCloseStatus.MessageTooBig);
    public static readonly TwilioStreamEnd MediaBeforeStart = new("media-before-start", WebSocketCloseStatus.PolicyViolation);
    public static readonly TwilioStreamEnd MissingStart = new("missing-start", WebSocketCloseStatus.PolicyViolation);
    public static readonly TwilioStreamEnd BadStart = new("bad-start", WebSocketCloseStatus.PolicyViolation);
    public static readonly TwilioStreamEnd UnsupportedFormat = new("unsupported-media-format", WebSocketCloseStatus.InvalidMessageType);
    public static readonly TwilioStreamEnd Shutdown = new("shutdown", WebSocketCloseStatus.EndpointUnavailable);

    /// <summary>True for ends caused by bad input (counted as protocol errors).</summary>
    public bool IsProtocolError => Status is WebSocketCloseStatus.InvalidPayloadData or WebSocketCloseStatus.MessageTooBig
        or WebSocketCloseStatus.PolicyViolation or WebSocketCloseStatus.InvalidMessageType;
}

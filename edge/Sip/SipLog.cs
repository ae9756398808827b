using System.Net;
using VoiceConnector.Edge.Sip.Transport;

namespace VoiceConnector.Edge.Sip;

/// <summary>Source-generated log messages of the SIP stack.</summary>
internal static partial class SipLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "SIP listening on {Protocol} {EndPoint}")]
    public static partial void Listening(this ILogger logger, string protocol, EndPoint endPoint);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "SIP flood from {Source}: dropping its INVITE/OPTIONS/REGISTER requests until it slows down")]
    public static partial void FloodDropping(this ILogger logger, IPAddress source);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "SIP inbound queue full: dropping messages")]
    public static partial void QueueFull(this ILogger logger);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "SIP dropped unparseable message from {Source}: {Reason} ({Dropped} dropped since the last such line)")]
    public static partial void DroppedMalformed(this ILogger logger, SipRemote source, string reason, long dropped);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Debug, Message = "SIP rejected request {Method} from {Source} with {Status}: {Reason}")]
    public static partial void Rejected(this ILogger logger, string method, SipRemote source, int status, string reason);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message = "SIP transport error on {Protocol}")]
    public static partial void TransportError(this ILogger logger, string protocol, Exception exception);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Information, Message = "SIP call {CallId} from {From} to {To} answered with {Codec}")]
    public static partial void CallAnswered(this ILogger logger, string callId, string from, string to, string codec);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "SIP call {CallId} ended: {Reason}")]
    public static partial void CallEnded(this ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Error, Message = "SIP handler failed on {Method} {CallId}")]
    public static partial void HandlerFailed(this ILogger logger, string method, string? callId, Exception exception);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Error, Message = "Call agent failed on call {CallId}")]
    public static partial void AgentFailed(this ILogger logger, string callId, Exception exception);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "SIP TCP connection from {Remote} closed: {Reason}")]
    public static partial void TcpClosed(this ILogger logger, EndPoint? remote, string reason);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Shutdown: {Count} call agents had not finished in time; their call records may be missing")]
    public static partial void ShutdownAgentsAbandoned(this ILogger logger, int count);
}

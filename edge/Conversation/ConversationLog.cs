namespace VoiceConnector.Edge.Conversation;

/// <summary>Log messages of the conversation pipeline (source-generated).</summary>
internal static partial class ConversationLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: agent {AgentId} answers")]
    public static partial void CallStarted(ILogger logger, string callId, string agentId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} ended: {Outcome}, {Cause}")]
    public static partial void CallEnded(ILogger logger, string callId, string outcome, string cause);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId}: no agent for {Number}; telling the caller it is not in service")]
    public static partial void NotInService(ILogger logger, string callId, string number);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: {Service} failed; the caller hears an apology")]
    public static partial void ServiceFailed(ILogger logger, string callId, string service, Exception exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Call {CallId}: caller barged in; heard {HeardWords} words")]
    public static partial void BargeIn(ILogger logger, string callId, int heardWords);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId}: the conversation failed")]
    public static partial void ConversationFailed(ILogger logger, string callId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Call {CallId}: the call record could not be stored")]
    public static partial void RecordFailed(ILogger logger, string callId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: the transfer failed; the call goes on")]
    public static partial void TransferFailed(ILogger logger, string callId);
}

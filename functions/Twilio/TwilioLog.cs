using Microsoft.Extensions.Logging;

namespace VoiceConnector.Functions.Twilio;

/// <summary>Source-generated log messages of the Twilio REST client. None of them carries a credential.</summary>
internal static partial class TwilioLog
{
    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning,
        Message = "Twilio {Operation} attempt {Attempt} failed ({Reason}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, int attempt, string reason, long delayMs);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Twilio {Operation} failed: HTTP {StatusCode}, Twilio error {ErrorCode}")]
    public static partial void Failed(ILogger logger, string operation, int statusCode, int? errorCode);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error,
        Message = "Twilio {Operation} outcome unknown ({Reason}); not resent because repeating it is not safe")]
    public static partial void OutcomeUnknown(ILogger logger, string operation, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Information,
        Message = "Twilio {Operation}: resource already gone after an earlier attempt; treated as done")]
    public static partial void AlreadyDeleted(ILogger logger, string operation);
}

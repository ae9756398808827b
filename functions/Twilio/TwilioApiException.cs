namespace VoiceConnector.Functions.Twilio;

/// <summary>A Twilio REST API error: the HTTP status and Twilio's error code, message and documentation link.</summary>
public sealed class TwilioApiException : Exception
{
    public TwilioApiException()
    {
    }

    public TwilioApiException(string message)
        : base(message)
    {
    }

    public TwilioApiException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public TwilioApiException(int statusCode, int? errorCode, string message, string? moreInfo)
        : base(message)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        MoreInfo = moreInfo;
    }

    /// <summary>HTTP status; 0 when Twilio could not be reached.</summary>
    public int StatusCode { get; }

    /// <summary>Twilio's error code (e.g. 21452 "no numbers found").</summary>
    public int? ErrorCode { get; }

    public string? MoreInfo { get; }
}

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

    public TwilioApiException(int statusCode, int? errorCode, string message, string? moreInfo, bool outcomeUnknown, Exception? innerException)
        : base(message, innerException)
    {
        StatusCode = statusCode;
        ErrorCode = errorCode;
        MoreInfo = moreInfo;
        OutcomeUnknown = outcomeUnknown;
    }

    /// <summary>HTTP status; 0 when Twilio could not be reached.</summary>
    public int StatusCode { get; }

    /// <summary>Twilio's error code (e.g. 21452 "no numbers found").</summary>
    public int? ErrorCode { get; }

    public string? MoreInfo { get; }

    /// <summary>
    /// True when the request may have reached Twilio and been carried out although no answer arrived (timeout,
    /// connection lost, 5xx): check before repeating a purchase or a call (e.g. list numbers by PhoneNumber).
    /// </summary>
    public bool OutcomeUnknown { get; }
}

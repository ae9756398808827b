namespace VoiceConnector.TwilioFake.State;

/// <summary>A call as the fake tracks it: who, its status, how it was created and where its status callbacks go.</summary>
public sealed record FakeCall(
    string Sid,
    string To,
    string From,
    string Status,
    string Direction,
    string? Twiml,
    string? Url,
    string? StatusCallback,
    string StatusCallbackMethod,
    IReadOnlyList<string> StatusCallbackEvents,
    string? PhoneNumberSid,
    DateTimeOffset DateCreated,
    DateTimeOffset DateUpdated,
    DateTimeOffset? StartTime,
    DateTimeOffset? EndTime)
{
    public bool IsFinished => Status is "completed" or "busy" or "failed" or "no-answer" or "canceled";
}

namespace VoiceConnector.TwilioFake.State;

/// <summary>A number the fake account owns (an IncomingPhoneNumber), with the webhook settings Twilio would call.</summary>
public sealed record FakeIncomingNumber(
    string Sid,
    AvailableNumberEntry Entry,
    string FriendlyName,
    string? VoiceUrl,
    string VoiceMethod,
    string? StatusCallback,
    string StatusCallbackMethod,
    DateTimeOffset DateCreated,
    DateTimeOffset DateUpdated)
{
    public string PhoneNumber => Entry.PhoneNumber;
}

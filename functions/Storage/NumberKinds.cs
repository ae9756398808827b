namespace VoiceConnector.Functions.Storage;

/// <summary>Where a number comes from: bought from Twilio, or arriving over the customer's own SIP trunk.</summary>
public static class NumberKinds
{
    public const string Twilio = "twilio";
    public const string Sip = "sip";
}

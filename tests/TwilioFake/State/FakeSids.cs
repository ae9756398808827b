namespace VoiceConnector.TwilioFake.State;

/// <summary>Twilio-shaped SIDs: a two-letter prefix and 32 lowercase hex digits.</summary>
public static class FakeSids
{
    public static string New(string prefix) => prefix + Guid.NewGuid().ToString("N");
}

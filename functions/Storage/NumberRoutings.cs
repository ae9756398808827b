namespace VoiceConnector.Functions.Storage;

/// <summary>How Twilio hands a call on a number to the edge: a Media Stream, or a SIP leg (<c>&lt;Dial&gt;&lt;Sip&gt;</c>).</summary>
public static class NumberRoutings
{
    public const string Stream = "stream";
    public const string Sip = "sip";
}

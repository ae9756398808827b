namespace VoiceConnector.Edge.Twilio.Protocol;

/// <summary>The <c>event</c> of a Media Streams message.</summary>
public enum TwilioEventType
{
    Unknown,
    Connected,
    Start,
    Media,
    Dtmf,
    Mark,
    Stop,
    Clear,
}

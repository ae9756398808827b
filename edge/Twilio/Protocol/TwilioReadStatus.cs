namespace VoiceConnector.Edge.Twilio.Protocol;

/// <summary>Outcome of reading one WebSocket text message as a Media Streams message.</summary>
internal enum TwilioReadStatus
{
    Ok,
    MalformedJson,
    BadBase64,
    PayloadTooLarge,
}

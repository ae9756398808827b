namespace VoiceConnector.Edge.Twilio.Protocol;

/// <summary>The <c>mark</c> message's body, sent by the server and echoed by Twilio once played.</summary>
public sealed record TwilioMark(string Name);

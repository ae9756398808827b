namespace VoiceConnector.Edge.Twilio.Protocol;

/// <summary>The <c>stop</c> message's body.</summary>
public sealed record TwilioStop(string AccountSid, string CallSid);

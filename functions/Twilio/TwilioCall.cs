namespace VoiceConnector.Functions.Twilio;

/// <summary>A call as Twilio reports it.</summary>
public sealed record TwilioCall(string Sid, string Status, string To, string From);

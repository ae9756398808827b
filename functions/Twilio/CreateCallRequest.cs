namespace VoiceConnector.Functions.Twilio;

/// <summary>An outbound call: Twilio dials <paramref name="To"/> from <paramref name="From"/> and runs <paramref name="Twiml"/>.</summary>
public sealed record CreateCallRequest(string To, string From, string Twiml, string StatusCallback);

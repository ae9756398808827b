namespace VoiceConnector.Contracts;

/// <summary>Asks the functions app to transfer a Twilio call (the edge holds no Twilio REST credentials).</summary>
/// <param name="TwilioCallSid">The call to redirect.</param>
/// <param name="Target">E.164 number or SIP URI to dial.</param>
public sealed record TransferRequest(string TwilioCallSid, string Target);

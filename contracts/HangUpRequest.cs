namespace VoiceConnector.Contracts;

/// <summary>
/// Asks the functions app to end a Twilio call the agent has finished with. The edge ends its Media Streams calls
/// this way rather than by closing the socket alone: a closed socket lets Twilio go on to the TwiML after
/// <c>&lt;/Connect&gt;</c>, which is the apology kept for streams that fail.
/// </summary>
/// <param name="TwilioCallSid">The call to end.</param>
public sealed record HangUpRequest(string TwilioCallSid);

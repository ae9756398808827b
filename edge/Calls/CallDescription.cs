namespace VoiceConnector.Edge.Calls;

/// <summary>What is known about a call when it reaches the agent.</summary>
/// <param name="CallId">Unique id of the call on this edge (SIP Call-ID, or Twilio stream SID).</param>
/// <param name="Transport">SIP or Twilio Media Streams.</param>
/// <param name="From">Caller (E.164 number, SIP user or URI).</param>
/// <param name="To">Called number (E.164 or SIP user part): selects the agent.</param>
/// <param name="Codec">Codec on the caller leg ("G722", "PCMU", "PCMA").</param>
/// <param name="StartedAt">When the call arrived.</param>
/// <param name="Parameters">Extra parameters: Twilio custom parameters, or SIP headers of interest.</param>
/// <param name="TwilioCallSid">Twilio's CallSid when the call came through Twilio.</param>
public sealed record CallDescription(
    string CallId,
    CallTransport Transport,
    string From,
    string To,
    string Codec,
    DateTimeOffset StartedAt,
    IReadOnlyDictionary<string, string> Parameters,
    string? TwilioCallSid = null);

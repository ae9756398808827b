namespace VoiceConnector.Edge.Twilio.Protocol;

/// <summary>The <c>dtmf</c> message's body: the key the caller pressed (track is always <c>inbound_track</c>).</summary>
public sealed record TwilioDtmf(string Track, string Digit);

namespace VoiceConnector.Functions.EdgeFacing;

/// <summary>Answer to a hang-up: the call as Twilio reports it.</summary>
public sealed record HangUpReceipt(string TwilioCallSid, string Status);

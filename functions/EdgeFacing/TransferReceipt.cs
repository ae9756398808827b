namespace VoiceConnector.Functions.EdgeFacing;

/// <summary>Answer to a transfer: the redirected call as Twilio reports it.</summary>
public sealed record TransferReceipt(string TwilioCallSid, string Status, string Target);

namespace VoiceConnector.Functions.EdgeFacing;

/// <summary>Answer to a posted call record: "stored" the first time, "duplicate" after.</summary>
public sealed record CallRecordReceipt(string CallId, string Result);

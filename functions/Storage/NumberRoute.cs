namespace VoiceConnector.Functions.Storage;

/// <summary>A called number with the agent attached to it (null when none is).</summary>
public sealed record NumberRoute(StoredNumber Number, StoredAgent? Agent);

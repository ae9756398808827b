namespace VoiceConnector.Functions.Api;

/// <summary>A list answer: <c>{"data": [...]}</c>.</summary>
public sealed record ResourceList<T>(IReadOnlyList<T> Data);

using VoiceConnector.Contracts;

namespace VoiceConnector.Edge.Tests.Conversation.EndToEnd;

/// <summary>
/// A barge-in as the caller made it (Stopwatch timestamps): when the question began, when the caller started talking
/// over the answer and when that interruption's audio ended; and the agent turn the edge recorded as interrupted.
/// </summary>
internal sealed record BargeInObservation(long AskedAt, long InterruptedAt, long InterruptionEndsAt, TranscriptTurn Cut);

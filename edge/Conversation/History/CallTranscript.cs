using VoiceConnector.Contracts;

namespace VoiceConnector.Edge.Conversation.History;

/// <summary>The call's transcript for the call record: caller, agent and event turns in order.</summary>
internal sealed class CallTranscript
{
    private readonly List<TranscriptTurn> turns = [];
    private readonly object gate = new();

    public IReadOnlyList<TranscriptTurn> Snapshot()
    {
        lock (gate)
        {
            return [.. turns];
        }
    }

    public void Add(TranscriptTurn turn)
    {
        lock (gate)
        {
            turns.Add(turn);
        }
    }
}

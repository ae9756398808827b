using System.Text;
using Microsoft.Extensions.AI;

namespace VoiceConnector.Edge.Conversation.Replies;

/// <summary>
/// What a reply produced so far, readable after it was interrupted: the text the model wrote, the chunks handed to
/// the speaker, the tools it called, and whether a service failed.
/// </summary>
internal sealed class ReplyProgress
{
    private readonly object gate = new();
    private readonly StringBuilder text = new();
    private readonly List<string> chunks = [];
    private readonly List<FunctionCallContent> toolCalls = [];
    private int chunksStarted;
    private string chunkerPending = "";

    /// <summary>The STT, LLM or TTS failure that cut the reply short; null when none did.</summary>
    public Exception? Failure { get; set; }

    public string Text
    {
        get
        {
            lock (gate)
            {
                return text.ToString().Trim();
            }
        }
    }

    public bool ProducedAnything
    {
        get
        {
            lock (gate)
            {
                return text.Length > 0 || toolCalls.Count > 0;
            }
        }
    }

    public IReadOnlyList<FunctionCallContent> ToolCalls
    {
        get
        {
            lock (gate)
            {
                return [.. toolCalls];
            }
        }
    }

    /// <summary>Text the speaker has not started on: chunks waiting in the queue and text still in the chunker.</summary>
    public string Unqueued
    {
        get
        {
            lock (gate)
            {
                var waiting = string.Join(' ', chunks.Skip(chunksStarted));
                return (waiting + " " + chunkerPending).Trim();
            }
        }
    }

    public void AddText(string piece, string pendingInChunker)
    {
        lock (gate)
        {
            text.Append(piece);
            chunkerPending = pendingInChunker;
        }
    }

    public void AddChunk(string chunk, string pendingInChunker)
    {
        lock (gate)
        {
            chunks.Add(chunk);
            chunkerPending = pendingInChunker;
        }
    }

    public void AddToolCall(FunctionCallContent call)
    {
        lock (gate)
        {
            toolCalls.Add(call);
        }
    }

    public void ChunkStarted()
    {
        lock (gate)
        {
            chunksStarted++;
        }
    }
}

using Microsoft.Extensions.AI;

namespace VoiceConnector.Edge.Conversation.Tools;

/// <summary>A tool call checked against the agent's allowed tools: its effect, its argument, and the result the model sees.</summary>
internal sealed record ToolDecision(FunctionCallContent Call, ToolEffect Effect, string Argument, string Result);

using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Conversation.Fallbacks;
using VoiceConnector.Edge.Conversation.Metrics;
using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Conversation;

#pragma warning disable MEAI001 // ISpeechToTextClient and ITextToSpeechClient are [Experimental] in Microsoft.Extensions.AI.Abstractions 10.11.

/// <summary>The shared (singleton) services every call's conversation uses.</summary>
public sealed class ConversationServices(
    IChatClient chat,
    ISpeechToTextClient speechToText,
    ITextToSpeechClient textToSpeech,
    IVoiceActivityDetectorFactory voiceActivity,
    FallbackPromptLibrary prompts,
    ConversationMetrics metrics,
    ICallRecordSink records,
    IOptions<ConversationOptions> options,
    TimeProvider time,
    ILoggerFactory loggers)
{
    public IChatClient Chat { get; } = chat;

    public ISpeechToTextClient SpeechToText { get; } = speechToText;

    public ITextToSpeechClient TextToSpeech { get; } = textToSpeech;

    public IVoiceActivityDetectorFactory VoiceActivity { get; } = voiceActivity;

    public FallbackPromptLibrary Prompts { get; } = prompts;

    public ConversationMetrics Metrics { get; } = metrics;

    public ICallRecordSink Records { get; } = records;

    public ConversationOptions Options { get; } = options.Value;

    public TimeProvider Time { get; } = time;

    public ILoggerFactory Loggers { get; } = loggers;
}

namespace VoiceConnector.Edge.Conversation.Fallbacks;

/// <summary>The fixed prompts an agent can always say, even with the TTS service down.</summary>
public enum FallbackPrompt
{
    Apology,
    Goodbye,
    Reprompt,
    NotInService,
    Greeting,
}

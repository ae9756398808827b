namespace VoiceConnector.Edge.Ai.Piper;

/// <summary>Which Piper HTTP server speaks at <see cref="PiperOptions.Url"/>.</summary>
public enum PiperApi
{
    /// <summary>piper-tts 1.3 and later: <c>POST /synthesize</c> with a JSON body.</summary>
    Current,

    /// <summary>piper-tts 1.2 and earlier: <c>POST /</c> with the raw text as body; voice fixed by the server's flags.</summary>
    Legacy,
}

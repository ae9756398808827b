namespace VoiceConnector.Edge.Ai.Whisper;

/// <summary>Which Whisper server speaks at <see cref="WhisperOptions.Url"/>.</summary>
public enum WhisperApi
{
    /// <summary>OpenAI-compatible <c>POST /v1/audio/transcriptions</c> (speaches / faster-whisper-server).</summary>
    OpenAi,

    /// <summary>whisper.cpp <c>whisper-server</c>: <c>POST /inference</c>.</summary>
    WhisperCpp,
}

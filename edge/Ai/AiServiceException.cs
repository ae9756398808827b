using System.Net;

namespace VoiceConnector.Edge.Ai;

/// <summary>
/// An AI service (LLM, STT, TTS) failed: it answered with an error status, sent a body that does not follow its wire
/// format, broke off mid-stream, or did not answer within its timeout.
/// </summary>
public sealed class AiServiceException : Exception
{
    public AiServiceException()
    {
        Service = "";
    }

    public AiServiceException(string message)
        : base(message)
    {
        Service = "";
    }

    public AiServiceException(string message, Exception innerException)
        : base(message, innerException)
    {
        Service = "";
    }

    public AiServiceException(string service, string message, HttpStatusCode? statusCode = null, Exception? innerException = null)
        : base($"{service}: {message}", innerException)
    {
        Service = service;
        StatusCode = statusCode;
    }

    /// <summary>Which service failed, e.g. "ollama", "whisper", "piper".</summary>
    public string Service { get; }

    /// <summary>The HTTP status the service answered with, when it answered.</summary>
    public HttpStatusCode? StatusCode { get; }
}

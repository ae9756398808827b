using Microsoft.Extensions.AI;

// MEAI001: the speech abstractions are [Experimental] in Microsoft.Extensions.AI 10.11; we adopt them on purpose.
#pragma warning disable MEAI001

namespace VoiceConnector.Edge.Ai;

/// <summary>
/// Call when a call starts ringing: loads the LLM, STT and TTS models in parallel with one cheap request each, so the
/// greeting and first turn do not pay the load time. Never throws for a service failure (logs it): a cold service is
/// slower, not broken.
/// </summary>
public sealed partial class AiWarmUp(
    IChatClient chat, ISpeechToTextClient speechToText, ITextToSpeechClient textToSpeech, ILogger<AiWarmUp> logger)
{
    /// <summary>True when every service warmed up (or had nothing to warm).</summary>
    public async Task<bool> WarmUpAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(
            WarmAsync("llm", chat.GetService<IWarmUp>(), cancellationToken),
            WarmAsync("stt", speechToText.GetService<IWarmUp>(), cancellationToken),
            WarmAsync("tts", textToSpeech.GetService<IWarmUp>(), cancellationToken));
        return Array.TrueForAll(results, ok => ok);
    }

    private async Task<bool> WarmAsync(string service, IWarmUp? target, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            return true;
        }

        try
        {
            await target.WarmUpAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is AiServiceException or InvalidOperationException or OperationCanceledException or HttpRequestException)
        {
            LogFailed(logger, service, e.Message);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up of the {Service} service failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string service, string reason);
}

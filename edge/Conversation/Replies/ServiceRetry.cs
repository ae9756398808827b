namespace VoiceConnector.Edge.Conversation.Replies;

/// <summary>How often and how patiently a failed STT, LLM or TTS request is tried again.</summary>
/// <param name="Attempts">Total attempts (1 means no retry).</param>
/// <param name="FirstBackoff">Delay before the first retry; doubled for each further one.</param>
/// <param name="Time">Clock for the delays.</param>
internal sealed record ServiceRetry(int Attempts, TimeSpan FirstBackoff, TimeProvider Time)
{
    /// <summary>Waits before retry number <paramref name="attempt"/> (1-based), or returns false when attempts are used up.</summary>
    public async ValueTask<bool> BeforeRetryAsync(int attempt, CancellationToken cancellationToken)
    {
        if (attempt >= Attempts)
        {
            return false;
        }

        var delay = FirstBackoff * Math.Pow(2, attempt - 1);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, Time, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}

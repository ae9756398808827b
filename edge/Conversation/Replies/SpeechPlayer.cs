using Microsoft.Extensions.AI;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Conversation.Audio;
using VoiceConnector.Edge.Conversation.Metrics;
using VoiceConnector.Edge.Conversation.Playout;

namespace VoiceConnector.Edge.Conversation.Replies;

#pragma warning disable MEAI001 // ITextToSpeechClient is [Experimental] in Microsoft.Extensions.AI.Abstractions 10.11.

/// <summary>
/// Speaks text on a call: streams it through the TTS client, converts the audio to 16 kHz and queues it for playout
/// as it arrives, recording which playout positions carry which text. A request that fails before producing audio
/// is retried with backoff.
/// </summary>
internal sealed class SpeechPlayer(ICallMedia call, ITextToSpeechClient tts, TextToSpeechOptions options, PlayoutTracker tracker, ServiceRetry retry)
{
    /// <summary>Speaks <paramref name="text"/>; throws when the TTS failed on every attempt.</summary>
    public async Task SpeakAsync(string text, TurnClock? clock, CancellationToken cancellationToken)
    {
        var segment = tracker.BeginSegment(text, call.PlayoutQueuedPosition);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StreamAsync(text, segment, clock, cancellationToken).ConfigureAwait(false);
                segment.Complete = true;
                return;
            }
            catch (Exception) when (!cancellationToken.IsCancellationRequested && segment.End == segment.Start)
            {
                // Nothing was played yet: try again after the backoff, or give up.
                if (!await retry.BeforeRetryAsync(attempt, cancellationToken).ConfigureAwait(false))
                {
                    throw;
                }
            }
        }
    }

    /// <summary>Plays already rendered 16 kHz PCM (a fallback prompt) as one chunk of <paramref name="text"/>.</summary>
    public async Task PlayAsync(string text, ReadOnlyMemory<short> pcm, CancellationToken cancellationToken)
    {
        var segment = tracker.BeginSegment(text, call.PlayoutQueuedPosition);
        const int piece = 16_000 / 2;
        for (var offset = 0; offset < pcm.Length; offset += piece)
        {
            await call.PlayAsync(pcm.Slice(offset, Math.Min(piece, pcm.Length - offset)), cancellationToken).ConfigureAwait(false);
            segment.End = call.PlayoutQueuedPosition;
        }

        segment.Complete = true;
    }

    private async Task StreamAsync(string text, PlayoutSegment segment, TurnClock? clock, CancellationToken cancellationToken)
    {
        using var decoder = new TtsAudioDecoder();
        await foreach (var update in tts.GetStreamingAudioAsync(text, options, cancellationToken).ConfigureAwait(false))
        {
            if (update.Kind == TextToSpeechResponseUpdateKind.Error)
            {
                throw new InvalidOperationException("The text-to-speech service reported an error.");
            }

            foreach (var content in update.Contents)
            {
                if (content is not DataContent data)
                {
                    continue;
                }

                var pcm = decoder.Decode(data.Data.Span, data.MediaType);
                if (pcm.IsEmpty)
                {
                    continue;
                }

                clock?.FirstTtsAudio();
                cancellationToken.ThrowIfCancellationRequested();
                await call.PlayAsync(pcm, cancellationToken).ConfigureAwait(false);
                segment.End = call.PlayoutQueuedPosition;
                clock?.FirstAudioSent();
            }
        }
    }
}

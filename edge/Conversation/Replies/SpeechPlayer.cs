using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.AI;
using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Conversation.Audio;
using VoiceConnector.Edge.Conversation.Metrics;
using VoiceConnector.Edge.Conversation.Playout;

namespace VoiceConnector.Edge.Conversation.Replies;

#pragma warning disable MEAI001 // ITextToSpeechClient is [Experimental] in Microsoft.Extensions.AI.Abstractions 10.11.

/// <summary>
/// Speaks text on a call: streams it through the TTS client, converts the audio to 16 kHz and queues it for playout
/// as it arrives. Synthesis runs ahead of the seam's playout bound (a bounded channel of pooled pieces) so that each
/// chunk's full length is known early, which makes the heard-words estimate after a barge-in exact. A request that
/// fails before producing audio is retried with backoff.
/// </summary>
internal sealed class SpeechPlayer(ICallMedia call, ITextToSpeechClient tts, TextToSpeechOptions options, PlayoutTracker tracker, ServiceRetry retry)
{
    private const int QueuedPieces = 512;
    private const int SliceSamples = 1_600;

    /// <summary>Speaks <paramref name="text"/>; throws when the TTS failed on every attempt.</summary>
    public async Task SpeakAsync(string text, TurnClock? clock, CancellationToken cancellationToken)
    {
        var segment = tracker.BeginSegment(text, call.PlayoutQueuedPosition);
        var pieces = Channel.CreateBounded<PcmPiece>(new BoundedChannelOptions(QueuedPieces) { SingleReader = true, SingleWriter = true });
        using var stages = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var synthesis = SynthesizeWithRetryAsync(text, segment, pieces.Writer, clock, stages.Token);
        try
        {
            await foreach (var piece in pieces.Reader.ReadAllAsync(stages.Token).ConfigureAwait(false))
            {
                try
                {
                    await PlayInSlicesAsync(piece.Samples, segment, clock, stages.Token).ConfigureAwait(false);
                }
                finally
                {
                    piece.Dispose();
                }
            }
        }
        finally
        {
            await stages.CancelAsync().ConfigureAwait(false);
            while (pieces.Reader.TryRead(out var left))
            {
                left.Dispose();
            }
        }

        // Surfaces the TTS failure (after whatever audio it produced was played).
        await synthesis.ConfigureAwait(false);
    }

    /// <summary>Plays already rendered 16 kHz PCM (a fixed prompt) as one chunk of <paramref name="text"/>.</summary>
    public async Task PlayAsync(string text, ReadOnlyMemory<short> pcm, CancellationToken cancellationToken)
    {
        var segment = tracker.BeginSegment(text, call.PlayoutQueuedPosition);
        segment.Synthesized = pcm.Length;
        segment.Complete = true;
        await PlayInSlicesAsync(pcm, segment, null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Queues audio 100 ms at a time, so the segment's queued end follows the seam's (bounded) playout queue.</summary>
    private async Task PlayInSlicesAsync(ReadOnlyMemory<short> pcm, PlayoutSegment segment, TurnClock? clock, CancellationToken cancellationToken)
    {
        for (var offset = 0; offset < pcm.Length; offset += SliceSamples)
        {
            await call.PlayAsync(pcm.Slice(offset, Math.Min(SliceSamples, pcm.Length - offset)), cancellationToken).ConfigureAwait(false);
            segment.End = call.PlayoutQueuedPosition;
            clock?.FirstAudioSent();
        }
    }

    private async Task SynthesizeWithRetryAsync(string text, PlayoutSegment segment, ChannelWriter<PcmPiece> writer, TurnClock? clock, CancellationToken token)
    {
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await SynthesizeAsync(text, segment, writer, clock, token).ConfigureAwait(false);
                    segment.Complete = true;
                    return;
                }
                catch (Exception) when (!token.IsCancellationRequested && segment.Synthesized == 0)
                {
                    // Nothing was produced yet: try again after the backoff, or give up.
                    if (!await retry.BeforeRetryAsync(attempt, token).ConfigureAwait(false))
                    {
                        throw;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopped by a barge-in or because playout stopped; the caller of SpeakAsync sees why.
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private async Task SynthesizeAsync(string text, PlayoutSegment segment, ChannelWriter<PcmPiece> writer, TurnClock? clock, CancellationToken token)
    {
        using var decoder = new TtsAudioDecoder();
        await foreach (var update in tts.GetStreamingAudioAsync(text, options, token).ConfigureAwait(false))
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
                segment.Synthesized += pcm.Length;
                var piece = PcmPiece.CopyOf(pcm.Span);
                if (!writer.TryWrite(piece))
                {
                    try
                    {
                        await writer.WriteAsync(piece, token).ConfigureAwait(false);
                    }
                    catch
                    {
                        piece.Dispose();
                        throw;
                    }
                }
            }
        }
    }
}

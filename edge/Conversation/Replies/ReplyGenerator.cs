using System.Threading.Channels;
using Microsoft.Extensions.AI;
using VoiceConnector.Edge.Conversation.Metrics;

namespace VoiceConnector.Edge.Conversation.Replies;

/// <summary>
/// One agent reply: streams the model's answer, cuts it into sentences and speaks each as soon as it is complete
/// (the first sentence plays while the model is still writing). Two stages joined by a bounded channel.
/// A model failure before any output is retried; later failures, and TTS failures, end the reply early and are
/// reported in <see cref="ReplyProgress.Failure"/> (the caller then hears an apology). Cancellation (barge-in) propagates.
/// </summary>
internal sealed class ReplyGenerator(IChatClient chat, ChatOptions chatOptions, SpeechPlayer player, ServiceRetry retry)
{
    private const int QueuedChunks = 8;

    public async Task RunAsync(IReadOnlyList<ChatMessage> messages, ReplyProgress progress, TurnClock? clock, CancellationToken cancellationToken)
    {
        var chunks = Channel.CreateBounded<string>(new BoundedChannelOptions(QueuedChunks) { SingleReader = true, SingleWriter = true });
        using var stages = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = ProduceAsync(messages, progress, chunks.Writer, clock, stages.Token);
        try
        {
            await foreach (var chunk in chunks.Reader.ReadAllAsync(stages.Token).ConfigureAwait(false))
            {
                progress.ChunkStarted();
                await player.SpeakAsync(chunk, clock, stages.Token).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // TTS failed on every attempt: stop the model too.
            progress.Failure ??= ex;
            await stages.CancelAsync().ConfigureAwait(false);
        }
        finally
        {
            try
            {
                await producer.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stages.IsCancellationRequested)
            {
                // Stopped with the speaker, or by a barge-in (rethrown below).
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task ProduceAsync(IReadOnlyList<ChatMessage> messages, ReplyProgress progress, ChannelWriter<string> writer, TurnClock? clock, CancellationToken token)
    {
        var chunker = new SentenceChunker();
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await ReadModelAsync(messages, progress, chunker, writer, clock, token).ConfigureAwait(false);
                    break;
                }
                catch (Exception ex) when (!token.IsCancellationRequested && !progress.ProducedAnything)
                {
                    if (!await retry.BeforeRetryAsync(attempt, token).ConfigureAwait(false))
                    {
                        progress.Failure ??= ex;
                        return;
                    }
                }
                catch (Exception ex) when (!token.IsCancellationRequested)
                {
                    // Failed halfway: speak what was written, then apologise.
                    progress.Failure ??= ex;
                    break;
                }
            }

            if (chunker.Flush() is { } last)
            {
                clock?.FirstSentence();
                progress.AddChunk(last, "");
                await writer.WriteAsync(last, token).ConfigureAwait(false);
            }
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private async Task ReadModelAsync(IReadOnlyList<ChatMessage> messages, ReplyProgress progress, SentenceChunker chunker, ChannelWriter<string> writer, TurnClock? clock, CancellationToken token)
    {
        await foreach (var update in chat.GetStreamingResponseAsync(messages, chatOptions, token).ConfigureAwait(false))
        {
            foreach (var content in update.Contents)
            {
                if (content is FunctionCallContent call)
                {
                    progress.AddToolCall(call);
                }
            }

            var text = update.Text;
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            clock?.FirstToken();
            var completed = chunker.Append(text);
            progress.AddText(text, chunker.Pending);
            foreach (var chunk in completed)
            {
                clock?.FirstSentence();
                progress.AddChunk(chunk, chunker.Pending);
                await writer.WriteAsync(chunk, token).ConfigureAwait(false);
            }
        }
    }
}

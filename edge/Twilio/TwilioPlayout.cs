using System.Diagnostics;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Media.Codecs;
using VoiceConnector.Edge.Media.Resampling;
using VoiceConnector.Edge.Twilio.Protocol;

namespace VoiceConnector.Edge.Twilio;

/// <summary>
/// Outgoing audio of one stream. <see cref="PlayAsync"/> resamples 16 kHz PCM to 8 kHz and encodes mu-law into a
/// bounded ring; each 20 ms tick of the shared clock sends one 20 ms <c>media</c> message, keeping at most
/// <see cref="TwilioOptions.PlayoutLeadMs"/> buffered at Twilio. A numbered <c>mark</c> follows every
/// <see cref="TwilioOptions.MarkIntervalMs"/> of audio and the end of what was queued; its echo moves the played
/// position. <see cref="Clear"/> sends <c>clear</c> and ignores the echoes Twilio then returns for discarded marks.
/// An echo comes back later than its audio played (the trip to the edge): what Twilio holds is estimated net of that
/// delay, the least lateness of the recent echoes. Positions are in 16 kHz samples.
/// </summary>
internal sealed class TwilioPlayout : IPacedSender, IDisposable
{
    private const int FrameBytes = 160;
    private const int InputChunk = 320;
    private const int MarkSlots = 64;
    private const int DriftSlackFrames = 5;
    private const int EchoWindow = 32;

    private readonly Lock gate = new();
    private readonly Resampler resampler = new(16_000, 8_000);
    private readonly TwilioMessageWriter writer;
    private readonly TwilioSendQueue sendQueue;
    private readonly TwilioMetrics metrics;
    private readonly byte[] ring;
    private readonly int maxQueuedBytes;
    private readonly int leadFrames;
    private readonly int markIntervalFrames;
    private readonly long[] markPositions = new long[MarkSlots];
    private readonly long[] markDueTicks = new long[MarkSlots];
    private readonly long[] echoLateness = new long[EchoWindow];
    private readonly byte[] frame = new byte[FrameBytes];
    private readonly SemaphoreSlim producer = new(1, 1);
    private readonly short[] resampled;
    private readonly byte[] encoded;
    private int resetResampler;
    private int head;
    private int count;
    private long queuedPosition;
    private long sentPosition;
    private long playedPosition;
    private int bufferedFrames;
    private int framesSinceMark;
    private long lastMarkId;
    private long lastEchoedMarkId;
    private long ignoreMarksUpTo;
    private long generation;
    private long lastSendTick = -2;
    private long currentTick;
    private long echoes;
    private long lastSendTimestamp;
    private bool closed;
    private bool sentSinceClear;
    private bool echoSinceTick;
    private TaskCompletionSource? spaceFreed;

    public TwilioPlayout(string streamSid, TwilioOptions options, TwilioSendQueue sendQueue, TwilioMetrics metrics)
    {
        writer = new TwilioMessageWriter(streamSid);
        this.sendQueue = sendQueue;
        this.metrics = metrics;
        maxQueuedBytes = 8_000; // about a second at 8 kHz
        ring = new byte[maxQueuedBytes + InputChunk];
        resampled = new short[resampler.MaxOutputLength(InputChunk)];
        encoded = new byte[resampled.Length];
        leadFrames = Math.Max(1, options.PlayoutLeadMs / 20);
        markIntervalFrames = Math.Max(1, options.MarkIntervalMs / 20);
    }

    public long QueuedPosition
    {
        get { lock (gate) { return queuedPosition; } }
    }

    public long PlayedPosition
    {
        get { lock (gate) { return playedPosition; } }
    }

    /// <summary>
    /// Queues audio; waits while about a second is already queued. Returns early once cleared or closed. Resampling
    /// and encoding happen outside the lock the pacing clock takes, one producer at a time.
    /// </summary>
    public async ValueTask PlayAsync(ReadOnlyMemory<short> pcm, CancellationToken cancellationToken)
    {
        await producer.WaitAsync(cancellationToken);
        try
        {
            long startGeneration;
            lock (gate)
            {
                startGeneration = generation;
            }

            var offset = 0;
            while (offset < pcm.Length)
            {
                Task? wait = null;
                lock (gate)
                {
                    if (closed || generation != startGeneration)
                    {
                        return;
                    }

                    if (count >= maxQueuedBytes)
                    {
                        spaceFreed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                        wait = spaceFreed.Task;
                    }
                }

                if (wait is not null)
                {
                    await wait.WaitAsync(cancellationToken);
                    continue;
                }

                var take = Math.Min(pcm.Length - offset, InputChunk);
                var encodedLength = Encode(pcm.Span.Slice(offset, take));
                lock (gate)
                {
                    if (closed || generation != startGeneration)
                    {
                        return;
                    }

                    AppendLocked(encoded.AsSpan(0, encodedLength), take);
                }

                offset += take;
            }
        }
        finally
        {
            producer.Release();
        }
    }

    /// <summary>
    /// Drops everything not yet played, here and (with <c>clear</c>, if audio went out since the last one) at Twilio;
    /// returns the played position.
    /// </summary>
    public long Clear()
    {
        lock (gate)
        {
            generation++;
            head = 0;
            count = 0;
            resetResampler = 1;
            queuedPosition = playedPosition;
            sentPosition = playedPosition;
            bufferedFrames = 0;
            framesSinceMark = 0;
            ignoreMarksUpTo = lastMarkId;
            echoSinceTick = false;

            // Only when Twilio may hold audio: a barge-in is seen by more than one part of the conversation, and a
            // second clear straight after the first would have nothing to clear.
            if (!closed && sentSinceClear)
            {
                sendQueue.TryEnqueue(writer.Clear());
                sentSinceClear = false;
            }

            ReleaseWaiterLocked();
            return playedPosition;
        }
    }

    /// <summary>Twilio echoed mark <paramref name="id"/>: what preceded it has been played. False for stale or foreign marks.</summary>
    public bool OnMarkEchoed(long id)
    {
        lock (gate)
        {
            if (id <= ignoreMarksUpTo || id <= lastEchoedMarkId || id > lastMarkId || id <= lastMarkId - MarkSlots)
            {
                return false;
            }

            lastEchoedMarkId = id;
            playedPosition = markPositions[id % MarkSlots];
            echoLateness[echoes++ % EchoWindow] = currentTick - markDueTicks[id % MarkSlots];
            echoSinceTick = true;
            return true;
        }
    }

    /// <summary>Nothing to do once the tick's sends are out: caller audio arrives on the socket's own receive loop.</summary>
    public void AfterTick(long tick)
    {
    }

    /// <summary>One 20 ms tick of the shared clock: sends what keeps Twilio's buffer at the lead, never waits.</summary>
    public void OnTick(long tick)
    {
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            currentTick = tick;
            if (echoSinceTick)
            {
                CheckTwilioBufferLocked();
            }

            if (bufferedFrames > 0)
            {
                bufferedFrames--;
            }

            var first = true;
            while (count > 0 && bufferedFrames < leadFrames && sendQueue.Pending < leadFrames + 2)
            {
                var length = TakeLocked(frame);
                if (!sendQueue.TryEnqueue(writer.Media(frame.AsSpan(0, length))))
                {
                    break;
                }

                sentPosition += length * 2;
                sentSinceClear = true;
                bufferedFrames++;
                framesSinceMark++;
                if (first)
                {
                    RecordInterval(tick);
                    first = false;
                }

                if (count == 0)
                {
                    // Everything accepted has been sent: the mark stands for the queued position exactly (an odd
                    // sample count or the resampler's rounding must not leave "played" forever short of "queued").
                    sentPosition = queuedPosition;
                    SendMarkLocked();
                }
                else if (framesSinceMark >= markIntervalFrames)
                {
                    SendMarkLocked();
                }
            }

            if (count < maxQueuedBytes)
            {
                ReleaseWaiterLocked();
            }
        }
    }

    /// <summary>
    /// Twilio plays on its own clock: if it holds clearly more than we think, trust it (no build-up over a long call).
    /// Judged once a tick from the newest echo only: echoes held up on the way (a network hiccup, or a busy edge reading
    /// late) arrive in a burst, and all but the newest of them tell of the past, not of audio Twilio still holds;
    /// believing the oldest would stop sending for as long as they were held, and Twilio would run dry. What was sent
    /// after the mark has partly played while the echo travelled: take off the echo's own delay, the least lateness of
    /// the recent echoes (more than that is audio Twilio holds beyond our count).
    /// </summary>
    private void CheckTwilioBufferLocked()
    {
        echoSinceTick = false;
        var trip = long.MaxValue;
        for (var i = 0; i < Math.Min(echoes, EchoWindow); i++)
        {
            trip = Math.Min(trip, echoLateness[i]);
        }

        var buffered = (int)(((sentPosition - playedPosition) / (FrameBytes * 2)) - Math.Max(0, trip));
        if (buffered > bufferedFrames + DriftSlackFrames)
        {
            bufferedFrames = buffered - DriftSlackFrames;
        }
    }

    /// <summary>Stops playout for good (the call ended): waiting producers return.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            closed = true;
            count = 0;
            ReleaseWaiterLocked();
            writer.Dispose();
        }
    }

    /// <summary>Resamples and encodes one chunk into <see cref="encoded"/> (producer only); returns the byte count.</summary>
    private int Encode(ReadOnlySpan<short> pcm16k)
    {
        if (Interlocked.Exchange(ref resetResampler, 0) != 0)
        {
            resampler.Reset();
        }

        var samples = resampler.Process(pcm16k, resampled);
        return MuLaw.Encode(resampled.AsSpan(0, samples), encoded);
    }

    private void AppendLocked(ReadOnlySpan<byte> muLaw, int inputSamples)
    {
        var tail = (head + count) % ring.Length;
        var first = Math.Min(muLaw.Length, ring.Length - tail);
        muLaw[..first].CopyTo(ring.AsSpan(tail));
        muLaw[first..].CopyTo(ring);
        count += muLaw.Length;
        queuedPosition += inputSamples;
    }

    private int TakeLocked(Span<byte> destination)
    {
        var length = Math.Min(count, destination.Length);
        var first = Math.Min(length, ring.Length - head);
        ring.AsSpan(head, first).CopyTo(destination);
        ring.AsSpan(0, length - first).CopyTo(destination[first..]);
        head = (head + length) % ring.Length;
        count -= length;
        return length;
    }

    private void SendMarkLocked()
    {
        var id = lastMarkId + 1;
        if (sendQueue.TryEnqueue(writer.Mark(id)))
        {
            lastMarkId = id;
            markPositions[id % MarkSlots] = sentPosition;
            markDueTicks[id % MarkSlots] = currentTick + bufferedFrames;
            framesSinceMark = 0;
        }
    }

    private void RecordInterval(long tick)
    {
        var now = Stopwatch.GetTimestamp();
        if (tick == lastSendTick + 1)
        {
            metrics.SendInterval.Record(Stopwatch.GetElapsedTime(lastSendTimestamp, now).TotalMilliseconds);
        }

        lastSendTick = tick;
        lastSendTimestamp = now;
    }

    private void ReleaseWaiterLocked()
    {
        spaceFreed?.TrySetResult();
        spaceFreed = null;
    }
}

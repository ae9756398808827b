using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VoiceConnector.Edge.Twilio;
using VoiceConnector.Edge.Twilio.Protocol;

namespace VoiceConnector.Edge.Tests.Twilio.Playout;

/// <summary>
/// One <see cref="TwilioPlayout"/> driven tick by tick (the test is the pacing clock) against a simulated Twilio that
/// buffers the <c>media</c> it receives, plays one 20 ms frame a tick, and echoes each mark once the audio before it
/// has played, <c>echoDelayTicks</c> later (the trip back to the edge). Counts the ticks Twilio had nothing to play
/// while the edge still had audio queued.
/// </summary>
internal sealed class SimulatedTwilioLine : IAsyncDisposable
{
    private const int FrameSamples = 320;
    private readonly int echoDelayTicks;
    private readonly ServiceProvider services;
    private readonly TwilioSendQueue sendQueue;
    private readonly WebSocketFrameSink wire = new();
    private readonly WebSocket socket;
    private readonly Task sending;
    private readonly Queue<(long Id, int AfterFrames)> marksAhead = new();
    private readonly Queue<(long Id, long DueTick)> echoes = new();
    private long tick;
    private int framesToSpeak;
    private int framesSent;

    public SimulatedTwilioLine(int echoDelayTicks)
    {
        this.echoDelayTicks = echoDelayTicks;
        services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new TwilioMetrics(services.GetRequiredService<IMeterFactory>());
        sendQueue = new TwilioSendQueue(metrics);
        Playout = new TwilioPlayout("MZ" + new string('0', 32), new TwilioOptions(), sendQueue, metrics);
        socket = WebSocket.CreateFromStream(wire, new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = Timeout.InfiniteTimeSpan });
        sending = sendQueue.RunAsync(socket, CancellationToken.None);
    }

    public TwilioPlayout Playout { get; }

    /// <summary>Frames Twilio holds, not yet played.</summary>
    public int Buffered { get; private set; }

    public int FramesPlayed { get; private set; }

    /// <summary>Ticks with nothing to play while the edge had audio queued for it (the caller hears a gap).</summary>
    public int Underruns { get; private set; }

    /// <summary>The fewest frames Twilio held after playing one, while the edge had more to send (its margin against jitter).</summary>
    public int LowestBuffered { get; private set; } = int.MaxValue;

    /// <summary>While true Twilio plays nothing (a hiccup on its side); what arrives piles up in its buffer.</summary>
    public bool Stalled { get; set; }

    /// <summary>While true the echoes do not reach the edge (held up on the way, or read late by a busy edge); they all arrive once it is false.</summary>
    public bool EchoesHeld { get; set; }

    /// <summary><c>clear</c> messages received.</summary>
    public int Clears { get; private set; }

    /// <summary>The agent is cut off: the playout is cleared, and what the edge sent is taken in.</summary>
    public async Task ClearAsync()
    {
        Playout.Clear();
        await ReceiveAsync();
    }

    /// <summary>The agent starts speaking <paramref name="frames"/> of 20 ms: half a second is queued now, the rest a frame a tick.</summary>
    public async Task SpeakAsync(int frames)
    {
        framesToSpeak = frames;
        for (var i = 0; i < 25 && framesToSpeak > 0; i++)
        {
            await QueueFrameAsync();
        }
    }

    /// <summary>One 20 ms tick: the agent queues a frame, the edge sends, Twilio plays a frame and echoes what is due.</summary>
    public async Task TickAsync()
    {
        tick++;

        // The agent queues a frame a tick, as long as the playout has room (a full playout would make it wait, and this
        // test, which is also the clock, would wait with it).
        if (framesToSpeak > 0 && Playout.QueuedPosition - ((long)framesSent * FrameSamples) < 40 * FrameSamples)
        {
            await QueueFrameAsync();
        }

        Playout.OnTick(tick);
        await ReceiveAsync();
        var moreToSend = (long)framesSent * FrameSamples < Playout.QueuedPosition - FrameSamples;
        if (!Stalled)
        {
            if (Buffered > 0)
            {
                Buffered--;
                FramesPlayed++;
            }
            else if (moreToSend)
            {
                Underruns++;
            }

            if (moreToSend && FramesPlayed > 0)
            {
                LowestBuffered = Math.Min(LowestBuffered, Buffered);
            }
        }

        while (marksAhead.Count > 0 && FramesPlayed >= marksAhead.Peek().AfterFrames)
        {
            echoes.Enqueue((marksAhead.Dequeue().Id, tick + echoDelayTicks));
        }

        while (!EchoesHeld && echoes.Count > 0 && echoes.Peek().DueTick <= tick)
        {
            Playout.OnMarkEchoed(echoes.Dequeue().Id);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Playout.Dispose();
        sendQueue.Complete();
        await sending;
        socket.Dispose();
        await wire.DisposeAsync();
        await services.DisposeAsync();
    }

    private async Task QueueFrameAsync()
    {
        framesToSpeak--;
        await Playout.PlayAsync(new short[FrameSamples], CancellationToken.None);
    }

    /// <summary>Takes in what the edge sent this tick (waits until its send queue is empty).</summary>
    private async Task ReceiveAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (sendQueue.Pending > 0)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "the send queue did not drain");
            await Task.Delay(1);
        }

        foreach (var json in wire.TakeMessages())
        {
            var message = JsonSerializer.Deserialize(json, TwilioJsonContext.Default.TwilioMessage)!;
            switch (message.Event)
            {
                case "media":
                    framesSent++;
                    Buffered++;
                    break;
                case "mark":
                    marksAhead.Enqueue((long.Parse(message.Mark!.Name, CultureInfo.InvariantCulture), FramesPlayed + Buffered));
                    break;
                case "clear":
                    Clears++;
                    Buffered = 0;
                    break;
            }
        }
    }
}

using System.Diagnostics;

namespace VoiceConnector.Edge.LoadTests;

/// <summary>
/// Drives every simulated stream from one thread, the way a separate Twilio machine would look to the edge: each
/// stream owns one of 20 one-millisecond send slots, so the streams' 20 ms media messages are spread evenly rather
/// than sent in one burst; between slots the thread waits in epoll and handles whatever the edge sent, timing each
/// arrival when the wait returns. The thread asks for real-time priority, like the edge's pacing threads, so that the
/// client (which shares the cores with the edge here) measures the edge and not its own scheduling.
/// </summary>
internal sealed class LoadClient : IDisposable
{
    private const int Slots = 20;

    private readonly LoadStream?[] streams;
    private readonly bool[] unwatched;
    private readonly Epoll epoll = new();
    private readonly Thread thread;
    private readonly ManualResetEventSlim started = new();
    private volatile bool running = true;
    private int count;
    private long longestGap;

    public LoadClient(int capacity)
    {
        streams = new LoadStream?[capacity];
        unwatched = new bool[capacity];
        thread = new Thread(Run) { IsBackground = true, Name = "load-client" };
        thread.Start();
        started.Wait();
    }

    /// <summary>The priority the client thread got.</summary>
    public Media.ThreadPriorityLevel Priority { get; private set; }

    /// <summary>
    /// The longest time the client thread went between two turns of its loop since the last call, in ms: more than a
    /// few ms means the client itself stalled (e.g. suspended for a GC, or starved of a core), not the edge.
    /// </summary>
    public double TakeLongestStallMs() =>
        Interlocked.Exchange(ref longestGap, 0) * 1000.0 / Stopwatch.Frequency;

    /// <summary>Hands a started stream to the client thread.</summary>
    public void Add(LoadStream stream)
    {
        lock (streams)
        {
            var index = count;
            if (index == streams.Length)
            {
                throw new InvalidOperationException("load client is full");
            }

            Volatile.Write(ref streams[index], stream);
            epoll.Add(stream.Handle, index);
            Volatile.Write(ref count, index + 1);
        }
    }

    /// <summary>Stops the thread, then sends each stream's <c>stop</c> and closes it.</summary>
    public void Dispose()
    {
        running = false;
        thread.Join();
        for (var i = 0; i < count; i++)
        {
            streams[i]!.Close();
        }

        epoll.Dispose();
        started.Dispose();
    }

    private void Run()
    {
        Priority = Media.ThreadPriority.RaiseCurrentThread(realTimePriority: 10, nice: -10);
        started.Set();
        Span<int> ready = stackalloc int[256];
        var tickTicks = Stopwatch.Frequency / 1000;
        var nextSlotAt = Stopwatch.GetTimestamp();
        long slot = 0;
        var previous = Stopwatch.GetTimestamp();
        while (running)
        {
            var waitMs = (int)Math.Max(0, (nextSlotAt - Stopwatch.GetTimestamp() + tickTicks - 1) / tickTicks);
            var n = epoll.Wait(ready, waitMs);
            var now = Stopwatch.GetTimestamp();

            // Beyond the wait asked for, the thread was not running: note the longest such stall.
            var stalled = now - previous - ((long)waitMs * tickTicks);
            if (stalled > Volatile.Read(ref longestGap))
            {
                Volatile.Write(ref longestGap, stalled);
            }

            previous = now;
            for (var i = 0; i < n; i++)
            {
                var stream = streams[ready[i]]!;
                stream.OnReadable(now);
                if (stream.Failure is not null && !unwatched[ready[i]])
                {
                    // A closed socket stays readable: stop watching it.
                    unwatched[ready[i]] = true;
                    epoll.Remove(stream.Handle);
                }
            }

            var live = Volatile.Read(ref count);
            while (now >= nextSlotAt)
            {
                for (var index = (int)(slot % Slots); index < live; index += Slots)
                {
                    streams[index]!.SendMedia();
                }

                slot++;
                nextSlotAt += tickTicks;
            }
        }
    }
}

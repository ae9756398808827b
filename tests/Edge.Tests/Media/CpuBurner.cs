namespace VoiceConnector.Edge.Tests.Media;

/// <summary>Keeps every core busy with spinning threads until disposed (tests of the <see cref="MachineOverload"/> collection only).</summary>
internal sealed class CpuBurner : IDisposable
{
    private readonly Thread[] threads;
    private volatile bool stop;

    public CpuBurner()
    {
        threads = new Thread[Environment.ProcessorCount];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(() =>
            {
                while (!stop)
                {
                    Thread.SpinWait(1000);
                }
            })
            { IsBackground = true };
            threads[i].Start();
        }
    }

    public void Dispose()
    {
        stop = true;
        foreach (var thread in threads)
        {
            thread.Join();
        }
    }
}

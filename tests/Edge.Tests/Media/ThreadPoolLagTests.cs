using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Tests.Media;

[Collection(MachineOverload.Name)]
public sealed class ThreadPoolLagTests
{
    [Fact]
    public void Milliseconds_PoolBlockedThenFreed_RisesWhileBlockedAndFallsAfter()
    {
        using var lag = new ThreadPoolLag();
        ThreadPoolBlocker.WaitUntil(() => lag.Milliseconds < 20, TimeSpan.FromSeconds(5));

        using (new ThreadPoolBlocker())
        {
            // The probe waits behind the blocked items: the lag counts that wait before the probe has even run.
            ThreadPoolBlocker.WaitUntil(() => lag.Milliseconds > 300, TimeSpan.FromSeconds(5));
        }

        ThreadPoolBlocker.WaitUntil(() => lag.Milliseconds < 20, TimeSpan.FromSeconds(10));
    }
}

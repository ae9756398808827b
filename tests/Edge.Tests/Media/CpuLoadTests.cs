using VoiceConnector.Edge.Media;

namespace VoiceConnector.Edge.Tests.Media;

[Collection(MachineOverload.Name)]
public sealed class CpuLoadTests
{
    [Fact]
    public void TryParse_ProcStatCpuLine_BusyIsTotalLessIdleAndIowait()
    {
        Assert.True(CpuLoad.TryParse("cpu  4705 356 584 3699 23 23 0 7 11 0", out var busy, out var total));

        Assert.Equal(4705 + 356 + 584 + 3699 + 23 + 23 + 0 + 7, total); // guest time is already in user
        Assert.Equal(total - 3699 - 23, busy);
    }

    [Theory]
    [InlineData("")]
    [InlineData("cpu0 1 2 3 4 5")]
    [InlineData("cpu 1 2 x 4 5")]
    [InlineData("cpu 1 2")]
    public void TryParse_OtherLines_False(string line)
    {
        Assert.False(CpuLoad.TryParse(line, out _, out _));
    }

    [Fact]
    public void Value_EveryCoreBusyThenIdle_RisesThenFalls()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var load = new CpuLoad();
        using (new CpuBurner())
        {
            ThreadPoolBlocker.WaitUntil(() => load.Value > 0.8, TimeSpan.FromSeconds(10));
        }

        ThreadPoolBlocker.WaitUntil(() => load.Value < 0.5, TimeSpan.FromSeconds(10));
    }
}

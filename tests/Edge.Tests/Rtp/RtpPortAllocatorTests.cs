using Microsoft.Extensions.Options;
using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Tests.Rtp;

public sealed class RtpPortAllocatorTests
{
    [Fact]
    public void TryAllocate_OddPortMin_HandsOutEvenPortsUntilExhausted()
    {
        var allocator = new RtpPortAllocator(20001, 20009);

        Assert.Equal(4, allocator.Capacity);
        var ports = new List<int>();
        while (allocator.TryAllocate(out var port))
        {
            ports.Add(port);
        }

        Assert.Equal([20002, 20004, 20006, 20008], ports);
        allocator.Release(20004);
        Assert.True(allocator.TryAllocate(out var again));
        Assert.Equal(20004, again);
        Assert.False(allocator.TryAllocate(out _));
    }

    [Fact]
    public void Release_UnknownOrTwice_IsHarmless()
    {
        var allocator = new RtpPortAllocator(20000, 20003);
        Assert.True(allocator.TryAllocate(out var port));
        allocator.Release(port);
        allocator.Release(port);
        allocator.Release(12345);
        Assert.Equal(0, allocator.InUse);
    }

    [Fact]
    public async Task TryCreate_RangeExhausted_ReturnsNullAndDisposeGivesPortsBack()
    {
        using var host = new RtpTestHost(pairs: 2);
        var first = host.Factory.TryCreate(RtpTestHost.Call("a"), new RecordingCallControl());
        var second = host.Factory.TryCreate(RtpTestHost.Call("b"), new RecordingCallControl());

        Assert.NotNull(first);
        Assert.NotNull(second);
        Assert.Null(host.Factory.TryCreate(RtpTestHost.Call("c"), new RecordingCallControl()));
        Assert.NotEqual(first.LocalEndPoint.Port, second.LocalEndPoint.Port);
        Assert.Equal(0, first.LocalEndPoint.Port % 2);

        await first.DisposeAsync();
        await using var third = host.Factory.TryCreate(RtpTestHost.Call("d"), new RecordingCallControl());
        Assert.NotNull(third);
        await second.DisposeAsync();
    }

    [Theory]
    [InlineData("not-an-ip", null, 20000, 29999)]
    [InlineData("127.0.0.1", "bad", 20000, 29999)]
    [InlineData("127.0.0.1", null, 20000, 20000)]
    [InlineData("127.0.0.1", null, 80, 29999)]
    [InlineData("127.0.0.1", null, 20001, 20002)]
    [InlineData("0.0.0.0", null, 20000, 29999)]
    public void Validate_BadOptions_Fails(string bind, string? advertised, int min, int max)
    {
        var options = new RtpOptions { BindAddress = bind, AdvertisedAddress = advertised, PortMin = min, PortMax = max };
        Assert.True(new RtpOptionsValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.Equal(ValidateOptionsResult.Success, new RtpOptionsValidator().Validate(null, new RtpOptions()));

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.5)]
    [InlineData(1.5)]
    public void Validate_MaxPacingLoadOutsideTheTick_Fails(double load)
    {
        var result = new RtpOptionsValidator().Validate(null, new RtpOptions { MaxPacingLoad = load });
        Assert.True(result.Failed);
        Assert.Contains("Rtp:MaxPacingLoad", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.01)]
    public void Validate_MaxCpuLoadOutsideAllCores_Fails(double load)
    {
        var result = new RtpOptionsValidator().Validate(null, new RtpOptions { MaxCpuLoad = load });
        Assert.True(result.Failed);
        Assert.Contains("Rtp:MaxCpuLoad", result.FailureMessage, StringComparison.Ordinal);
    }
}

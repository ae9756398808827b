using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Tests.Calls;

public sealed class AudioFrameTests
{
    [Fact]
    public void Rent_AfterDispose_ReusesPooledFrame()
    {
        var first = AudioFrame.Rent();
        first.Samples[0] = 1234;
        first.Dispose();

        // The pool is shared by all tests; drain until we see our frame or the pool is empty.
        var seen = false;
        var rented = new List<AudioFrame>();
        for (var i = 0; i < 100_000 && !seen; i++)
        {
            var frame = AudioFrame.Rent();
            rented.Add(frame);
            seen = ReferenceEquals(frame, first);
        }

        foreach (var frame in rented)
        {
            frame.Dispose();
        }

        Assert.True(seen);
    }

    [Fact]
    public void Samples_Always20MsAt16kHz()
    {
        using var frame = AudioFrame.Rent();
        Assert.Equal(320, frame.Samples.Length);
        Assert.Equal(AudioFrame.SampleCount, frame.Memory.Length);
    }
}

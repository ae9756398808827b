using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Media.Codecs;
using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Tests.Rtp;

/// <summary>The session behind the real <see cref="EchoAgent"/>: what the caller sends over RTP comes back over RTP.</summary>
public sealed class RtpSessionEchoTests : IDisposable
{
    private readonly RtpTestHost host = new();
    private readonly RtpPeer peer = new();

    [Fact]
    public async Task EchoAgent_CallerSendsTone_ToneComesBackAfterTheEchoDelay()
    {
        await using var session = host.Create();
        session.Start(new RtpSessionParameters(RtpCodec.Pcma, 101, peer.EndPoint));
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var agent = new EchoAgent().RunAsync(session, cts.Token);

        // One second of 800 Hz, then listen for it among the packets that come back.
        var payload = new byte[160];
        var tone = ToneGenerator.Sine(800, 8000, 8000);
        var best = 0.0;
        var decoded = new short[160];
        for (var i = 0; i < 100; i++)
        {
            if (i < 50)
            {
                ALaw.Encode(tone.AsSpan(i * 160, 160), payload);
                peer.SendAudio(8, payload, session.LocalEndPoint);
            }

            await Task.Delay(20);
            while (await peer.ReceiveAsync(TimeSpan.FromMilliseconds(1)) is { } packet)
            {
                ALaw.Decode(packet.Data.AsSpan(12), decoded);
                best = Math.Max(best, ToneGenerator.ToneAmplitude(decoded, 800, 8000));
            }
        }

        session.End("caller-bye");
        await agent;
        Assert.InRange(best, 6500, 9000);
    }

    [Fact]
    public async Task EchoAgent_SessionDisposedBeforeTheAgentLooksAtIt_ReturnsWithoutThrowing()
    {
        // An agent that overran the registry's grace, or started late, finds its media already disposed: reading the
        // call's tokens then must not throw (it used to: ObjectDisposedException from the disposed token sources).
        var session = host.Create();
        session.Start(new RtpSessionParameters(RtpCodec.Pcma, 101, peer.EndPoint));
        session.RequestEnd();
        await session.DisposeAsync();

        await new EchoAgent().RunAsync(session, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(session.Ended.IsCancellationRequested);
        Assert.True(session.EndRequested.IsCancellationRequested);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => session.SendDtmfAsync('1', CancellationToken.None).AsTask());
    }

    public void Dispose()
    {
        peer.Dispose();
        host.Dispose();
    }
}

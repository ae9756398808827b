using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Tests.Sip.Support;

namespace VoiceConnector.Edge.Tests.Sip.Dialogs;

/// <summary>RFC 3261 §13.3.1.4 on the whole stack, with a manual clock: 2xx retransmitted until ACK, BYE after 64*T1.</summary>
public sealed class SipAckTimeoutTests
{
    [Fact]
    public async Task Invite_NeverAcked_200RetransmittedThenByeAndCallEnds()
    {
        var time = new ManualTimeProvider();
        await using var edge = await SipEdgeHost.StartAsync(time: time);
        using var client = new SipTestClient(edge.Port);
        client.Send(client.Request("INVITE", "never-acked", "f", body: SipTestClient.Offer(40030)));
        Assert.Equal(200, (await client.ReceiveFinalAsync())!.StatusCode);

        time.Advance(TimeSpan.FromSeconds(31));
        var retransmitted = 0;
        while (await client.ReceiveAsync(TimeSpan.FromMilliseconds(300)) is SipResponse { StatusCode: 200 })
        {
            retransmitted++;
        }

        // 0.5, 1.5, 3.5, 7.5, 11.5, 15.5, 19.5, 23.5, 27.5 s after the first 200 (then 31.5 s is past 31 s).
        Assert.Equal(9, retransmitted);
        Assert.Equal(1, edge.Sip.Calls!.Count);

        time.Advance(TimeSpan.FromSeconds(1.1));
        SipRequest? bye = null;
        while (bye is null && await client.ReceiveAsync(TimeSpan.FromSeconds(1)) is { } message)
        {
            bye = message as SipRequest;
        }

        Assert.Equal("BYE", bye?.Method);
        Assert.Equal(0, edge.Sip.Calls.Count);
    }
}

using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Sip.Dialogs;
using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Tests.Sip.Support;

namespace VoiceConnector.Edge.Tests.Sip.Dialogs;

/// <summary>The agent side of signalling: hang-up sends BYE, transfer sends REFER and leaves once the NOTIFY says 200.</summary>
public sealed class SipCallControlTests
{
    [Fact]
    public async Task AgentHangUp_SendsByeInDialog_AndCallEnds()
    {
        await using var edge = await SipEdgeHost.StartAsync(agent: new ScriptedAgent(async call => await call.HangUpAsync("agent-done", CancellationToken.None)));
        using var client = new SipTestClient(edge.Port);
        var ok = await client.EstablishAsync("hangup-call");
        var bye = await client.ReceiveRequestAsync("BYE");
        Assert.Equal("hangup-call", bye.CallId);
        Assert.Equal(ok.To!.Tag, bye.From!.Tag);
        Assert.Equal("fromtag", bye.To!.Tag);
        Assert.StartsWith("sip:tester@", bye.RequestUri, StringComparison.Ordinal);
        client.Send(SipResponseFactory.Create(bye, 200, null).ToString());
        await Integration.SippCallTests.WaitUntil(() => edge.Sip.Calls!.Count == 0);
    }

    [Fact]
    public async Task AgentTransfer_SendsReferAndLeavesAfterSuccessfulNotify()
    {
        var result = new TaskCompletionSource<bool>();
        await using var edge = await SipEdgeHost.StartAsync(agent: new ScriptedAgent(async call =>
        {
            result.SetResult(await call.TransferAsync("sip:+15559990000@127.0.0.1", CancellationToken.None));
            await Task.Delay(Timeout.Infinite, call.Ended);
        }));
        using var client = new SipTestClient(edge.Port);
        var ok = await client.EstablishAsync("transfer-call");
        var refer = await client.ReceiveRequestAsync("REFER");
        Assert.Equal("<sip:+15559990000@127.0.0.1>", refer.Headers[SipHeaderNames.ReferTo]);
        client.Send(SipResponseFactory.Create(refer, 202, null).ToString());
        Assert.True(await result.Task.WaitAsync(TimeSpan.FromSeconds(5)));

        var notify = client.Request("NOTIFY", "transfer-call", "fromtag", ok.To!.Tag, "SIP/2.0 200 OK\r\n", "Event: refer\r\nSubscription-State: terminated\r\n", cseq: 2, contentType: "message/sipfrag");
        client.Send(notify);
        var bye = await client.ReceiveRequestAsync("BYE");
        client.Send(SipResponseFactory.Create(bye, 200, null).ToString());
        await Integration.SippCallTests.WaitUntil(() => edge.Sip.Calls!.Count == 0);
    }

    private sealed class ScriptedAgent(Func<ICallMedia, Task> script) : ICallAgent
    {
        public Task RunAsync(ICallMedia call, CancellationToken cancellationToken) => script(call);
    }
}

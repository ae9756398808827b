using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Sip.Dialogs;
using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Tests.Sip.Support;

namespace VoiceConnector.Edge.Tests.Sip.Dialogs;

/// <summary>Stopping the edge: live calls get a BYE, and every agent finishes (and writes its call record) first.</summary>
public sealed class SipShutdownTests
{
    [Fact]
    public async Task Stop_AgentStillFinishingAfterCallerBye_WaitsForIt()
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var edge = await SipEdgeHost.StartAsync(agent: new AgentThatFinishesLate(TimeSpan.FromSeconds(1), finished));
        using var client = new SipTestClient(edge.Port);
        var ok = await EstablishAsync(client, "late-agent");

        client.Send(client.Request("BYE", "late-agent", "fromtag", ok.To!.Tag, cseq: 2));
        Assert.Equal(200, (await client.ReceiveFinalAsync())!.StatusCode);
        await edge.DisposeAsync();

        Assert.True(finished.Task.IsCompleted, "the host stopped before the agent of an ended call had finished");
    }

    [Fact]
    public async Task Stop_LiveCall_ByeWithShutdownReasonThenAgentFinishes()
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var edge = await SipEdgeHost.StartAsync(agent: new AgentThatFinishesLate(TimeSpan.FromMilliseconds(200), finished));
        using var client = new SipTestClient(edge.Port);
        await EstablishAsync(client, "live-at-stop");

        var stopping = edge.DisposeAsync().AsTask();
        var bye = await ReceiveRequestAsync(client, "BYE");
        client.Send(SipResponseFactory.Create(bye, 200, null).ToString());
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("live-at-stop", bye.CallId);
        Assert.Contains("shutdown", bye.Headers["Reason"], StringComparison.Ordinal);
        Assert.True(finished.Task.IsCompleted, "the host stopped before the agent had finished");
    }

    [Fact]
    public async Task Stop_Draining_NewInviteGets503AndALiveCallMayEndByItself()
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var edge = await SipEdgeHost.StartAsync(new Dictionary<string, string?> { ["Sip:DrainTimeoutSeconds"] = "20" }, new AgentThatFinishesLate(TimeSpan.Zero, finished));
        using var caller = new SipTestClient(edge.Port);
        using var latecomer = new SipTestClient(edge.Port);
        var ok = await EstablishAsync(caller, "draining-call");

        var stopping = edge.DisposeAsync().AsTask();
        await Integration.SippCallTests.WaitUntil(() => edge.Sip.Calls!.IsDraining);
        latecomer.Send(latecomer.Request("INVITE", "too-late", "othertag", body: SipTestClient.Offer(40070), cseq: 1));
        var refused = (await latecomer.ReceiveFinalAsync())!;
        caller.Send(caller.Request("BYE", "draining-call", "fromtag", ok.To!.Tag, cseq: 2));
        Assert.Equal(200, (await caller.ReceiveFinalAsync())!.StatusCode);
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(503, refused.StatusCode);
        Assert.NotNull(refused.Headers["Retry-After"]);
        Assert.True(finished.Task.IsCompleted);
    }

    private static async Task<SipResponse> EstablishAsync(SipTestClient client, string callId, int rtpPort = 40060)
    {
        client.Send(client.Request("INVITE", callId, "fromtag", body: SipTestClient.Offer(rtpPort), cseq: 1));
        var ok = (await client.ReceiveFinalAsync())!;
        Assert.Equal(200, ok.StatusCode);
        client.Send(client.Request("ACK", callId, "fromtag", ok.To!.Tag, cseq: 1));
        return ok;
    }

    private static async Task<SipRequest> ReceiveRequestAsync(SipTestClient client, string method)
    {
        for (var i = 0; i < 20; i++)
        {
            if (await client.ReceiveAsync(TimeSpan.FromSeconds(5)) is SipRequest request && request.Method == method)
            {
                return request;
            }
        }

        throw new TimeoutException("no " + method);
    }

    /// <summary>Waits for the call to end, then takes <c>wrapUp</c> more (as a conversation transcribing its last words and writing its record does).</summary>
    private sealed class AgentThatFinishesLate(TimeSpan wrapUp, TaskCompletionSource finished) : ICallAgent
    {
        public async Task RunAsync(ICallMedia call, CancellationToken cancellationToken)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, call.Ended);
            }
            catch (OperationCanceledException)
            {
                // The call ended.
            }

            await Task.Delay(wrapUp, CancellationToken.None);
            finished.SetResult();
        }
    }
}

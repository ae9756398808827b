using VoiceConnector.Edge.Calls;
using VoiceConnector.Edge.Sip.Dialogs;
using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Tests.Sip.Support;

namespace VoiceConnector.Edge.Tests.Sip.Dialogs;

/// <summary>Stopping the edge: live calls are asked to end, then get a BYE, and every agent finishes (and writes its call record) first.</summary>
public sealed class SipShutdownTests
{
    [Fact]
    public async Task Stop_AgentStillFinishingAfterCallerBye_WaitsForIt()
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var agent = new AgentThatFinishesLate(TimeSpan.FromSeconds(1), finished);
        var edge = await SipEdgeHost.StartAsync(agent: agent);
        using var client = new SipTestClient(edge.Port);
        var ok = await client.EstablishAsync("late-agent");
        await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));

        client.Send(client.Request("BYE", "late-agent", "fromtag", ok.To!.Tag, cseq: 2));
        Assert.Equal(200, (await client.ReceiveFinalAsync())!.StatusCode);
        await edge.DisposeAsync();

        Assert.True(finished.Task.IsCompleted, "the host stopped before the agent of an ended call had finished");
    }

    [Fact]
    public async Task Stop_LiveCall_ByeWithShutdownReasonThenAgentFinishes()
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var agent = new AgentThatFinishesLate(TimeSpan.FromMilliseconds(200), finished);
        var edge = await SipEdgeHost.StartAsync(agent: agent);
        using var client = new SipTestClient(edge.Port);
        await client.EstablishAsync("live-at-stop");
        await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));

        var stopping = edge.DisposeAsync().AsTask();
        var bye = await client.ReceiveRequestAsync("BYE");
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
        var agent = new AgentThatFinishesLate(TimeSpan.Zero, finished);
        var edge = await SipEdgeHost.StartAsync(new Dictionary<string, string?> { ["Sip:DrainTimeoutSeconds"] = "20" }, agent);
        using var caller = new SipTestClient(edge.Port);
        using var latecomer = new SipTestClient(edge.Port);
        var ok = await caller.EstablishAsync("draining-call");
        await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));

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

    [Fact]
    public async Task Stop_AfterDrain_AgentAskedToEndSaysGoodbyeAndHangsUpBeforeTheFarewellRunsOut()
    {
        var agent = new AgentThatSaysGoodbye();
        var edge = await SipEdgeHost.StartAsync(new Dictionary<string, string?> { ["Sip:FarewellSeconds"] = "20" }, agent);
        using var client = new SipTestClient(edge.Port);
        await client.EstablishAsync("goodbye-at-stop");
        await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        var stopping = edge.DisposeAsync().AsTask();
        var bye = await client.ReceiveRequestAsync("BYE");
        client.Send(SipResponseFactory.Create(bye, 200, null).ToString());
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("said-goodbye", bye.Headers["Reason"], StringComparison.Ordinal);
        Assert.True(agent.GoodbyeQueuedBeforeHangUp, "the agent hung up without queuing its goodbye");
        Assert.InRange(stopwatch.Elapsed.TotalSeconds, 0, 8);
    }

    [Fact]
    public async Task Stop_AgentIgnoresEndRequest_ByeWithShutdownReasonAfterTheFarewell()
    {
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var agent = new AgentThatFinishesLate(TimeSpan.Zero, finished);
        var edge = await SipEdgeHost.StartAsync(new Dictionary<string, string?> { ["Sip:FarewellSeconds"] = "1" }, agent);
        using var client = new SipTestClient(edge.Port);
        await client.EstablishAsync("deaf-agent");
        await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();

        var stopping = edge.DisposeAsync().AsTask();
        var bye = await client.ReceiveRequestAsync("BYE");
        var byeAfter = stopwatch.Elapsed;
        client.Send(SipResponseFactory.Create(bye, 200, null).ToString());
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Contains("shutdown", bye.Headers["Reason"], StringComparison.Ordinal);
        Assert.InRange(byeAfter.TotalSeconds, 0.9, 8);
        Assert.True(agent.WasAskedToEnd);
    }

    /// <summary>When asked to end the call, queues a goodbye (a short tone) and hangs up with reason "said-goodbye".</summary>
    private sealed class AgentThatSaysGoodbye : ICallAgent
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool GoodbyeQueuedBeforeHangUp { get; private set; }

        public async Task RunAsync(ICallMedia call, CancellationToken cancellationToken)
        {
            Started.SetResult();
            await Task.Delay(Timeout.Infinite, call.EndRequested).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (call.Ended.IsCancellationRequested)
            {
                return;
            }

            await call.PlayAsync(new short[AudioFrame.SampleCount * 10], cancellationToken);
            GoodbyeQueuedBeforeHangUp = call.PlayoutQueuedPosition >= AudioFrame.SampleCount * 10;
            await call.HangUpAsync("said-goodbye", cancellationToken);
        }
    }

    /// <summary>Waits for the call to end, then takes <c>wrapUp</c> more (as a conversation transcribing its last words and writing its record does).</summary>
    private sealed class AgentThatFinishesLate(TimeSpan wrapUp, TaskCompletionSource finished) : ICallAgent
    {
        /// <summary>Set once the agent runs (the edge has taken the ACK).</summary>
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>True when the edge asked it to end the call (which it ignores).</summary>
        public bool WasAskedToEnd { get; private set; }

        public async Task RunAsync(ICallMedia call, CancellationToken cancellationToken)
        {
            Started.SetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, call.Ended);
            }
            catch (OperationCanceledException)
            {
                // The call ended.
            }

            WasAskedToEnd = call.EndRequested.IsCancellationRequested;

            await Task.Delay(wrapUp, CancellationToken.None);
            finished.SetResult();
        }
    }
}

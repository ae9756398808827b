using System.Net.WebSockets;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Tests.Twilio;

public sealed class TwilioRobustnessTests
{
    private static readonly byte[] Silence = Enumerable.Repeat((byte)0xFF, 160).ToArray();

    private static async Task<(TwilioEdgeFactory Edge, ScriptedTestAgent Agent, TwilioStreamClient Client, MeterCapture Metrics)> StartCallAsync(
        IReadOnlyDictionary<string, string?>? settings = null, bool begin = true)
    {
        var agent = new ScriptedTestAgent();
        var edge = new TwilioEdgeFactory(agent, settings);
        var metrics = new MeterCapture(edge.Services);
        var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        if (begin)
        {
            await client.BeginAsync();
            await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }

        return (edge, agent, client, metrics);
    }

    private static async Task AssertClosedAsync(TwilioStreamClient client, WebSocketCloseStatus status, string reason)
    {
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(status, client.CloseStatus);
        Assert.Equal(reason, client.CloseDescription);
    }

    [Theory]
    [InlineData("""{"event":"media","media":{"payload":""", WebSocketCloseStatus.InvalidPayloadData, "malformed-json")]
    [InlineData("""{"event":"media","sequenceNumber":"3","media":{"payload":"%%%not-base64"}}""", WebSocketCloseStatus.InvalidPayloadData, "bad-base64")]
    public async Task BadMessage_MidCall_ClosesStreamAndEndsAgentRun(string message, WebSocketCloseStatus status, string reason)
    {
        var (edge, agent, client, metrics) = await StartCallAsync();
        await using (edge)
        await using (client)
        using (metrics)
        {
            await client.SendMediaAsync(Silence);
            await client.SendRawAsync(message);

            await AssertClosedAsync(client, status, reason);
            Assert.Equal(reason, await agent.Finished.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            await client.WaitForAsync(_ => metrics.Sum("voiceconnector.twilio.protocol_errors", "error", reason) == 1);
            await client.WaitForAsync(_ => metrics.Sum("voiceconnector.twilio.streams.active") == 0);
        }
    }

    [Fact]
    public async Task OversizeMessage_ClosesWithMessageTooBig()
    {
        var (edge, agent, client, metrics) = await StartCallAsync(new Dictionary<string, string?> { ["Twilio:MaxMessageBytes"] = "4096" });
        await using (edge)
        await using (client)
        using (metrics)
        {
            await client.SendMediaAsync(new byte[8000]);

            await AssertClosedAsync(client, WebSocketCloseStatus.MessageTooBig, "message-too-large");
            Assert.Equal("message-too-large", await agent.Finished.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        }
    }

    [Fact]
    public async Task MediaBeforeStart_ClosesWithPolicyViolationAndNoAgentRun()
    {
        var (edge, agent, client, metrics) = await StartCallAsync(begin: false);
        await using (edge)
        await using (client)
        using (metrics)
        {
            await client.SendConnectedAsync();
            await client.SendMediaAsync(Silence);

            await AssertClosedAsync(client, WebSocketCloseStatus.PolicyViolation, "media-before-start");
            Assert.False(agent.Started.Task.IsCompleted);
            Assert.Equal(1, metrics.Sum("voiceconnector.twilio.protocol_errors", "error", "media-before-start"));
        }
    }

    [Fact]
    public async Task MissingStart_ClosedAfterStartTimeout()
    {
        var (edge, agent, client, metrics) = await StartCallAsync(new Dictionary<string, string?> { ["Twilio:StartTimeoutSeconds"] = "1" }, begin: false);
        await using (edge)
        await using (client)
        using (metrics)
        {
            await client.SendConnectedAsync();

            await AssertClosedAsync(client, WebSocketCloseStatus.PolicyViolation, "missing-start");
            Assert.False(agent.Started.Task.IsCompleted);
        }
    }

    [Fact]
    public async Task UnknownEventsAndSequenceGaps_CountedAndCallContinues()
    {
        var (edge, agent, client, metrics) = await StartCallAsync();
        await using (edge)
        await using (client)
        using (metrics)
        {
            await client.SendRawAsync("""{"event":"transcription","sequenceNumber":"2","streamSid":"MZ1","transcription":{"text":"hi"}}""");
            await client.SendRawAsync("""{"event":"clear","sequenceNumber":"3"}""");
            await client.SendStartAsync(); // a second start is ignored (and counted)
            client.Skip(2); // the second start reused number 2 (out of order: no gap); number 4 is lost
            await client.SendMediaAsync(Silence);
            client.Skip(4); // numbers 6 to 9 are lost
            await client.SendMediaAsync(Silence);
            await client.SendDtmfAsync('4');

            await client.WaitForAsync(_ => agent.Digits.Contains('4'));
            Assert.Equal(2, metrics.Sum("voiceconnector.twilio.unknown_events"));
            Assert.Equal(1, metrics.Sum("voiceconnector.twilio.protocol_errors", "error", "duplicate-start"));
            Assert.Equal(5, metrics.Sum("voiceconnector.twilio.sequence_gaps"));
            Assert.False(agent.Finished.Task.IsCompleted);
        }
    }

    [Fact]
    public async Task SocketDropped_MidCall_AgentRunEndsAndStreamReleased()
    {
        var (edge, agent, client, metrics) = await StartCallAsync();
        await using (edge)
        await using (client)
        using (metrics)
        {
            await client.StreamAudioAsync(Enumerable.Repeat((byte)0xFF, 1600).ToArray());
            Assert.Equal(1, metrics.Sum("voiceconnector.twilio.streams.active"));

            client.Abort();

            Assert.Equal("socket-closed", await agent.Finished.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            await client.WaitForAsync(_ => metrics.Sum("voiceconnector.twilio.streams.active") == 0);
            await using var next = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
            await next.BeginAsync(); // the edge still serves new streams
            await next.WaitForAsync(c => c.Media.Count > 0);
        }
    }

    [Fact]
    public async Task Shutdown_AfterDrain_AgentAskedToEndHangsUpThroughFunctionsThenStreamClosesNormally()
    {
        await using var functions = await FakeFunctionsApp.StartAsync();
        var (edge, agent, client, metrics) = await StartCallAsync(new Dictionary<string, string?>
        {
            ["Twilio:DrainTimeoutSeconds"] = "1",
            ["Twilio:FarewellSeconds"] = "20",
            ["Functions:BaseUrl"] = functions.BaseUrl,
            ["Functions:EdgeKey"] = FakeFunctionsApp.EdgeKey,
        });
        await using (edge)
        await using (client)
        using (metrics)
        {
            functions.OnHangUp = () => !client.Closed.IsCompleted;
            var lifetime = (Microsoft.Extensions.Hosting.IHostApplicationLifetime)edge.Services.GetService(typeof(Microsoft.Extensions.Hosting.IHostApplicationLifetime))!;
            var stopping = System.Diagnostics.Stopwatch.StartNew();

            lifetime.StopApplication();
            await Task.Delay(500);
            Assert.False(client.Closed.IsCompleted, "a live call was cut before the drain period");

            // The echo agent has nothing to say: it hangs up at once when asked, long before the farewell period ends.
            await AssertClosedAsync(client, WebSocketCloseStatus.NormalClosure, "shutdown");
            Assert.InRange(stopping.Elapsed.TotalSeconds, 0.9, 8);
            Assert.Equal("shutdown", await agent.Finished.Task.WaitAsync(TimeSpan.FromSeconds(10)));
            var (_, body, streamOpen) = Assert.Single(functions.HangUps);
            Assert.Equal(client.CallSid, body!.TwilioCallSid);
            Assert.True(streamOpen, "the call is ended at Twilio before its stream closes (else Twilio plays the failure message)");
        }
    }

    [Fact]
    public async Task Shutdown_AgentIgnoresEndRequest_ClosedAsGoingAwayAfterFarewell()
    {
        var agent = new AgentThatWaitsForTheEnd();
        await using var edge = new TwilioEdgeFactory(agent, new Dictionary<string, string?>
        {
            ["Twilio:DrainTimeoutSeconds"] = "1",
            ["Twilio:FarewellSeconds"] = "1",
        });
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        await client.BeginAsync();
        await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var lifetime = (Microsoft.Extensions.Hosting.IHostApplicationLifetime)edge.Services.GetService(typeof(Microsoft.Extensions.Hosting.IHostApplicationLifetime))!;
        var stopping = System.Diagnostics.Stopwatch.StartNew();

        lifetime.StopApplication();
        await AssertClosedAsync(client, WebSocketCloseStatus.EndpointUnavailable, "shutdown");

        Assert.InRange(stopping.Elapsed.TotalSeconds, 1.9, 8);
        Assert.True(agent.AskedToEnd, "the agent was not asked to end the call before it was closed");
    }

    /// <summary>Runs until the call ends, whatever it is asked; notes whether it was asked to end it.</summary>
    private sealed class AgentThatWaitsForTheEnd : ICallAgent
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public bool AskedToEnd { get; private set; }

        public async Task RunAsync(ICallMedia call, CancellationToken cancellationToken)
        {
            Started.TrySetResult();
            await Task.Delay(Timeout.Infinite, call.Ended).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            AskedToEnd = call.EndRequested.IsCancellationRequested;
        }
    }
}

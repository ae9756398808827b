using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;

namespace VoiceConnector.Edge.Tests.Twilio;

public sealed class TwilioCallControlTests
{
    [Fact]
    public async Task Dtmf_Digits_ReachCallerDtmfInOrder()
    {
        var agent = new ScriptedTestAgent();
        await using var edge = new TwilioEdgeFactory(agent);
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        await client.BeginAsync();
        await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        foreach (var digit in "3A7")
        {
            await client.SendDtmfAsync(digit);
        }

        await client.SendRawAsync("""{"event":"dtmf","streamSid":"x","sequenceNumber":"5","dtmf":{"track":"inbound_track","digit":"X"}}""");
        await client.SendDtmfAsync('2');
        await client.WaitForAsync(_ => agent.Digits.Count >= 4);
        Assert.Equal("3A72", string.Concat(agent.Digits));
    }

    [Fact]
    public async Task HangUp_ByAgent_EndsCallThroughFunctionsThenClosesStreamNormally()
    {
        await using var functions = await FakeFunctionsApp.StartAsync();
        var agent = new ScriptedTestAgent();
        await using var edge = new TwilioEdgeFactory(agent, FunctionsSettings(functions));
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        functions.OnHangUp = () => !client.Closed.IsCompleted;
        await client.BeginAsync();
        await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await client.SendDtmfAsync('#');
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        Assert.Equal("agent-hangup", client.CloseDescription);
        Assert.Equal("agent-hangup", await agent.Finished.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var (authorization, body, streamOpen) = Assert.Single(functions.HangUps);
        Assert.Equal("Bearer " + FakeFunctionsApp.EdgeKey, authorization);
        Assert.Equal(new Contracts.HangUpRequest(client.CallSid), body);
        Assert.True(streamOpen, "the call is ended at Twilio before its stream closes (else Twilio plays the failure message after </Connect>)");
    }

    [Fact]
    public async Task HangUp_FunctionsRefuses_StreamStillClosesNormally()
    {
        await using var functions = await FakeFunctionsApp.StartAsync();
        functions.HangUpStatus = StatusCodes.Status502BadGateway;
        var agent = new ScriptedTestAgent();
        await using var edge = new TwilioEdgeFactory(agent, FunctionsSettings(functions));
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        await client.BeginAsync();
        await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await client.SendDtmfAsync('#');
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Single(functions.HangUps);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        Assert.Equal("agent-hangup", client.CloseDescription);
    }

    [Fact]
    public async Task Stop_FromTwilio_EndsCallAsCallerHangUpWithoutHangUpRequest()
    {
        await using var functions = await FakeFunctionsApp.StartAsync();
        var agent = new ScriptedTestAgent();
        await using var edge = new TwilioEdgeFactory(agent, FunctionsSettings(functions));
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        await client.BeginAsync();
        await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await client.SendStopAsync();

        Assert.Equal("caller-hangup", await agent.Finished.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
        Assert.Empty(functions.HangUps);
    }

    [Fact]
    public async Task Transfer_PostsRequestToFunctions_ThenStopEndsAsTransfer()
    {
        await using var functions = await FakeFunctionsApp.StartAsync();
        var agent = new ScriptedTestAgent();
        await using var edge = new TwilioEdgeFactory(agent, FunctionsSettings(functions));
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        await client.BeginAsync();
        await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await client.SendDtmfAsync('*');

        Assert.True(await agent.Transfer.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        var (authorization, body) = Assert.Single(functions.Transfers);
        Assert.Equal("Bearer " + FakeFunctionsApp.EdgeKey, authorization);
        Assert.Equal(new Contracts.TransferRequest(client.CallSid, ScriptedTestAgent.TransferTarget), body);
        await client.SendStopAsync(); // Twilio ends the stream once functions redirected the call
        Assert.Equal("transfer", await agent.Finished.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        await client.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(functions.HangUps);
    }

    [Fact]
    public async Task Transfer_FunctionsUnreachable_ReturnsFalseAndCallContinues()
    {
        var agent = new ScriptedTestAgent();
        await using var edge = new TwilioEdgeFactory(agent, new Dictionary<string, string?> { ["Functions:BaseUrl"] = "http://127.0.0.1:9/" });
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        await client.BeginAsync();
        var call = await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await client.SendDtmfAsync('*');

        Assert.False(await agent.Transfer.Task.WaitAsync(TimeSpan.FromSeconds(15)));
        Assert.False(call.Ended.IsCancellationRequested);
    }

    [Fact]
    public async Task SendDtmf_ByAgent_PlaysDualToneInBand()
    {
        var agent = new ScriptedTestAgent();
        await using var edge = new TwilioEdgeFactory(agent);
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, TwilioEdgeFactory.Sign());
        await client.BeginAsync();
        await agent.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await client.WaitForAsync(c => c.Media.Count >= 10); // the echo's 200 ms of silence

        await client.SendDtmfAsync('0');
        await client.WaitForAsync(c => c.Media.Count >= 18);

        var audio = AudioAnalysis.Decode(client.Read(c => c.Media.Skip(10).Take(8).SelectMany(m => m.Audio).ToArray()));
        var loudest = Enumerable.Range(0, audio.Length - 400).MaxBy(i => AudioAnalysis.Rms(audio.AsSpan(i, 400)));
        var tone = audio.AsSpan(loudest, 400);
        Assert.True(AudioAnalysis.TonePower(tone, 770) > 0.3, "row tone of 5 (770 Hz)");
        Assert.True(AudioAnalysis.TonePower(tone, 1336) > 0.3, "column tone of 5 (1336 Hz)");
        Assert.True(AudioAnalysis.TonePower(tone, 697) < 0.1, "no other row tone");
    }

    private static Dictionary<string, string?> FunctionsSettings(FakeFunctionsApp functions) => new()
    {
        ["Functions:BaseUrl"] = functions.BaseUrl,
        ["Functions:EdgeKey"] = FakeFunctionsApp.EdgeKey,
    };
}

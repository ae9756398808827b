using Microsoft.Extensions.DependencyInjection;
using VoiceConnector.Edge.Media;
using VoiceConnector.Edge.Tests.Media;
using VoiceConnector.Edge.Tests.Sip.Support;

namespace VoiceConnector.Edge.Tests.Sip.Dialogs;

/// <summary>Admission of new SIP calls while the process is short of CPU: the thread pool, where the agents run, lags, or the cores are busy.</summary>
[Collection(MachineOverload.Name)]
public sealed class SipOverloadTests
{
    [Fact]
    public async Task Invite_ThreadPoolLagging_503UntilItCatchesUp()
    {
        var edge = await SipEdgeHost.StartAsync(new Dictionary<string, string?> { ["Rtp:MaxThreadPoolLagMs"] = "100" }, new RecordingAgent());
        await using var _ = edge;
        using var client = new SipTestClient(edge.Port);
        var lag = edge.Services.GetRequiredService<ThreadPoolLag>();
        ThreadPoolBlocker.WaitUntil(() => lag.Milliseconds < 20, TimeSpan.FromSeconds(5));

        using (var blocker = new ThreadPoolBlocker())
        {
            ThreadPoolBlocker.WaitUntil(() => lag.Milliseconds > 300, TimeSpan.FromSeconds(5));
            client.Send(client.Request("INVITE", "while-lagging", "fromtag", body: SipTestClient.Offer(40090), cseq: 1));
            Thread.Sleep(200); // the SIP stack has threads of its own: it answers while the pool is still blocked
        }

        var refused = (await client.ReceiveFinalAsync())!;
        Assert.Equal(503, refused.StatusCode);

        ThreadPoolBlocker.WaitUntil(() => lag.Milliseconds < 20, TimeSpan.FromSeconds(10));
        using var later = new SipTestClient(edge.Port); // the first client hears the 503 again until it ACKs it
        var ok = await later.EstablishAsync("after-recovery");
        Assert.Equal(200, ok.StatusCode);
    }

    [Fact]
    public async Task Invite_CoresBusierThanMaxCpuLoad_503UntilTheyCalmDown()
    {
        var edge = await SipEdgeHost.StartAsync(new Dictionary<string, string?> { ["Rtp:MaxCpuLoad"] = "0.7" }, new RecordingAgent());
        await using var _ = edge;
        using var client = new SipTestClient(edge.Port);
        var load = edge.Services.GetRequiredService<CpuLoad>();

        using (new CpuBurner())
        {
            ThreadPoolBlocker.WaitUntil(() => load.Value > 0.8, TimeSpan.FromSeconds(10));
            client.Send(client.Request("INVITE", "while-busy", "fromtag", body: SipTestClient.Offer(40090), cseq: 1));
            var refused = (await client.ReceiveFinalAsync())!;
            Assert.Equal(503, refused.StatusCode);
        }

        ThreadPoolBlocker.WaitUntil(() => load.Value < 0.5, TimeSpan.FromSeconds(10));
        using var later = new SipTestClient(edge.Port);
        var ok = await later.EstablishAsync("after-calm");
        Assert.Equal(200, ok.StatusCode);
    }
}

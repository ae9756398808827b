using System.Globalization;
using VoiceConnector.Edge.Tests.Sip.Support;

namespace VoiceConnector.Edge.Tests.Sip.Integration;

/// <summary>Calls from the real SIPp (built-in uac, uac_pcap with RTP and RFC 2833 DTMF) into the edge.</summary>
public sealed class SippCallTests
{
    private static string Common(SipEdgeHost edge, int calls, int rate) =>
        string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{edge.Port} -i 127.0.0.1 -p 0 -mp {SippProcess.RandomMediaPort()} -m {calls} -r {rate} -l {calls} -timeout 60s -timeout_error");

    [Fact]
    public async Task SippUac_TenCalls_AllSucceedAndEnd()
    {
        var agent = new RecordingAgent();
        await using var edge = await SipEdgeHost.StartAsync(agent: agent);
        using var sipp = SippProcess.Start("-sn uac -d 500 " + Common(edge, 10, 10));
        Assert.Equal(0, await sipp.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Equal(10, agent.Calls.Count);
        Assert.All(agent.Calls.Values, c => Assert.Equal("service", c.To));
        await WaitUntil(() => edge.Sip.Calls!.Count == 0);
    }

    [Fact]
    public async Task SippUacOverTcp_ThreeCalls_AllSucceed()
    {
        await using var edge = await SipEdgeHost.StartAsync();
        using var sipp = SippProcess.Start("-sn uac -t t1 -d 200 " + Common(edge, 3, 3));
        Assert.Equal(0, await sipp.WaitAsync(TimeSpan.FromSeconds(60)));
    }

    [Fact]
    public async Task SippUacPcap_G711aAndDigitOne_CallCompletesAndDigitArrives()
    {
        var agent = new RecordingAgent();
        await using var edge = await SipEdgeHost.StartAsync(agent: agent);
        using var sipp = SippProcess.Start("-sf uac_pcap.xml " + Common(edge, 1, 1));
        Assert.Equal(0, await sipp.WaitAsync(TimeSpan.FromSeconds(60)));
        var call = Assert.Single(agent.Calls.Values);
        Assert.Equal("PCMA", call.Codec);
        Assert.Equal("1", agent.DigitsOf(call.CallId));
    }

    [Fact]
    public async Task SippUacPcap_EveryDtmfDigitFile_AllDigitsReceivedInOrder()
    {
        var agent = new RecordingAgent();
        await using var edge = await SipEdgeHost.StartAsync(agent: agent);
        var scenario = Path.Combine(Path.GetTempPath(), "uac_dtmf_" + Guid.NewGuid().ToString("N") + ".xml");
        File.WriteAllText(scenario, DtmfScenario());
        try
        {
            using var sipp = SippProcess.Start($"-sf {scenario} " + Common(edge, 1, 1));
            Assert.Equal(0, await sipp.WaitAsync(TimeSpan.FromSeconds(60)));
        }
        finally
        {
            File.Delete(scenario);
        }

        var call = Assert.Single(agent.Calls.Values);
        Assert.Equal("0123456789*#", agent.DigitsOf(call.CallId));
    }

    /// <summary>The shipped uac_pcap.xml with the audio+digit-1 section replaced by all twelve digit captures.</summary>
    internal static string DtmfScenario()
    {
        var text = File.ReadAllText(Path.Combine(SippProcess.SpecsDirectory, "uac_pcap.xml"));
        var start = text.IndexOf("<nop>", StringComparison.Ordinal);
        var end = text.IndexOf("<!-- The 'crlf' option", StringComparison.Ordinal);
        var plays = string.Concat("0 1 2 3 4 5 6 7 8 9 star pound".Split(' ').Select(d =>
            $"<nop><action><exec play_pcap_audio=\"{Path.Combine(SippProcess.SpecsDirectory, "pcap", "dtmf_2833_" + d + ".pcap")}\"/></action></nop>\n<pause milliseconds=\"600\"/>\n"));
        return text[..start] + plays + "<pause milliseconds=\"500\"/>\n" + text[end..];
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        Assert.True(condition());
    }
}

using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VoiceConnector.Edge.Tests.Media;

namespace VoiceConnector.Edge.Tests.Twilio;

/// <summary>Admission of new streams while the process is short of CPU (the thread pool lags).</summary>
[Collection(MachineOverload.Name)]
public sealed class TwilioOverloadTests
{
    [Fact]
    public async Task Upgrade_ThreadPoolLagging_503UntilItCatchesUp()
    {
        await using var edge = new TwilioEdgeFactory(new ScriptedTestAgent(), new Dictionary<string, string?> { ["Twilio:MaxThreadPoolLagMs"] = "100" });
        var signature = TwilioEdgeFactory.Sign();
        var lag = edge.Services.GetRequiredService<VoiceConnector.Edge.Media.ThreadPoolLag>();
        ThreadPoolBlocker.WaitUntil(() => lag.Milliseconds < 20, TimeSpan.FromSeconds(5));

        int status;
        using (var blocker = new ThreadPoolBlocker())
        {
            // The handshake is on the wire while the pool is blocked; the edge reads it once the pool frees up, with
            // the lag it saw still high.
            using var socket = SendUpgrade(edge.StreamUri, signature);
            ThreadPoolBlocker.WaitUntil(() => lag.Milliseconds > 300, TimeSpan.FromSeconds(5));
            blocker.Dispose();
            status = ReadStatus(socket);
        }

        Assert.Equal(503, status);
        ThreadPoolBlocker.WaitUntil(() => lag.Milliseconds < 20, TimeSpan.FromSeconds(10));
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, signature);
        Assert.Null(client.CloseStatus);
    }

    [Fact]
    public async Task Upgrade_CoresBusierThanMaxCpuLoad_503UntilTheyCalmDown()
    {
        await using var edge = new TwilioEdgeFactory(new ScriptedTestAgent(), new Dictionary<string, string?> { ["Twilio:MaxCpuLoad"] = "0.7" });
        var signature = TwilioEdgeFactory.Sign();
        var load = edge.Services.GetRequiredService<VoiceConnector.Edge.Media.CpuLoad>();

        using (new CpuBurner())
        {
            ThreadPoolBlocker.WaitUntil(() => load.Value > 0.8, TimeSpan.FromSeconds(10));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await TwilioStreamClient.HandshakeStatusAsync(edge.StreamUri, signature));
        }

        ThreadPoolBlocker.WaitUntil(() => load.Value < 0.5, TimeSpan.FromSeconds(10));
        await using var client = await TwilioStreamClient.ConnectAsync(edge.StreamUri, signature);
        Assert.Null(client.CloseStatus);
    }

    [Fact]
    public async Task Metrics_BeforeAnyStream_ShowTheThreadPoolLagGauge()
    {
        await using var edge = new TwilioEdgeFactory(new ScriptedTestAgent());
        using var http = new HttpClient { BaseAddress = new Uri(edge.StreamUri.ToString().Replace("ws://", "http://", StringComparison.Ordinal)) };

        var metrics = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        Assert.Contains("voiceconnector_threadpool_lag", metrics, StringComparison.Ordinal);
    }

    private static Socket SendUpgrade(Uri uri, string signature)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { ReceiveTimeout = 15_000 };
        socket.Connect(new IPEndPoint(IPAddress.Loopback, uri.Port));
        socket.Send(Encoding.ASCII.GetBytes(
            $"GET {uri.AbsolutePath} HTTP/1.1\r\nHost: {uri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nX-Twilio-Signature: {signature}\r\n\r\n"));
        return socket;
    }

    private static int ReadStatus(Socket socket)
    {
        var head = new byte[12];
        var read = 0;
        while (read < head.Length)
        {
            var count = socket.Receive(head, read, head.Length - read, SocketFlags.None);
            Assert.True(count > 0, "connection closed before a status line");
            read += count;
        }

        return int.Parse(Encoding.ASCII.GetString(head, 9, 3), System.Globalization.CultureInfo.InvariantCulture);
    }
}

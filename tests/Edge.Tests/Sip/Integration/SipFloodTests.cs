using System.Net;
using System.Text;
using VoiceConnector.Edge.Media.Codecs;
using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Tests.Rtp;
using VoiceConnector.Edge.Tests.Sip.Dialogs;
using VoiceConnector.Edge.Tests.Sip.Support;
using Xunit.Abstractions;

namespace VoiceConnector.Edge.Tests.Sip.Integration;

/// <summary>Hostile input while a call is up: the edge keeps answering and the call keeps its (echoed) audio.</summary>
public sealed class SipFloodTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Flood_OfInvitesOptionsAndGarbage_EstablishedCallKeepsItsAudio()
    {
        await using var edge = await SipEdgeHost.StartAsync(new Dictionary<string, string?>
        {
            ["Sip:RequestsPerSecondPerSource"] = "20",
            ["Sip:RequestBurstPerSource"] = "40",
        });
        using var caller = new SipTestClient(edge.Port);
        using var rtp = new RtpPeer();
        var callId = Guid.NewGuid().ToString("N");
        caller.Send(caller.Request("INVITE", callId, "f", body: SipTestClient.Offer(rtp.EndPoint.Port, "0 101"), cseq: 1));
        var ok = (await caller.ReceiveFinalAsync())!;
        Assert.Equal(200, ok.StatusCode);
        caller.Send(caller.Request("ACK", callId, "f", ok.To!.Tag, cseq: 1));
        var answer = ok.BodyText;
        var port = int.Parse(answer.Split("m=audio ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        var edgeRtp = new IPEndPoint(IPAddress.Loopback, port);

        using var stop = new CancellationTokenSource();
        var floodSent = 0;
        var flood = new Thread(() => floodSent = Flood(edge.Port, stop.Token)) { IsBackground = true, Name = "sip-flooder" };
        flood.Start();
        var tone = ToneGenerator.Sine(440, 8000, 8000 * 4);
        var received = new List<short>();
        var receiving = Task.Run(async () =>
        {
            while (await rtp.ReceiveAsync(TimeSpan.FromSeconds(1)) is { } packet)
            {
                if ((packet.Data[1] & 0x7F) == 0)
                {
                    foreach (var b in packet.Data.AsSpan(12))
                    {
                        received.Add(MuLaw.Decode(b));
                    }
                }
            }
        });

        var payload = new byte[160];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            MuLaw.Encode(tone.AsSpan(i * 160, 160), payload);
            rtp.SendAudio(0, payload, edgeRtp);
            var wait = ((i + 1) * 20) - (int)clock.ElapsedMilliseconds;
            if (wait > 0)
            {
                await Task.Delay(wait);
            }
        }

        await stop.CancelAsync();
        flood.Join();
        caller.Send(caller.Request("BYE", callId, "f", ok.To.Tag, cseq: 2));
        Assert.Equal(200, (await SipUserAgentServerTests.ReceiveFor(caller, "BYE")).StatusCode);
        await receiving;

        Assert.True(floodSent > 2000, "flood sent " + floodSent);
        // 4 s of tone echoed after 200 ms: at least 3 s of audio back, with the tone clearly in it.
        Assert.True(received.Count >= 8000 * 3, "received samples " + received.Count);
        // The call keeps carrying the caller's audio all along: every half second of the echo, from the first one
        // that holds the tone to the last full one, has the tone at close to its clean level (about 8,000).
        var samples = received.ToArray();
        var windows = new List<double>();
        for (var w = 0; w + 4000 <= samples.Length; w += 2000)
        {
            windows.Add(ToneGenerator.ToneAmplitude(samples.AsSpan(w, 4000), 440, 8000));
        }

        var first = windows.FindIndex(a => a > 6000);
        var last = windows.FindLastIndex(a => a > 6000);
        output.WriteLine($"flood: {floodSent} messages; echoed tone per half second: {string.Join(" ", windows.Select(a => a.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))}");
        Assert.True(first >= 0, "no half second of the echo holds the tone");
        Assert.True(last - first >= 5, $"the tone is echoed for {(last - first + 2) / 4.0} s only");
        Assert.All(windows.GetRange(first, last - first + 1), a => Assert.True(a > 6000, "an echoed half second has the tone at " + a));

        using var probe = new SipTestClient(edge.Port);
        probe.Send(probe.Request("BYE", "nobody", "f", toTag: "x"));
        Assert.Equal(481, (await probe.ReceiveFinalAsync(timeout: TimeSpan.FromSeconds(5)))!.StatusCode);
    }

    /// <summary>
    /// Sends about 2,000 messages a second, a hundred times the per-source limit, from its own thread: INVITEs,
    /// OPTIONS, garbage, truncated INVITEs, 30 KB headers and a bad Content-Length. The messages are built once and
    /// replayed, so that the flooder (in the edge's own process here) adds no garbage-collection work of its own to
    /// the call being checked: an attacker's allocations are not the edge's.
    /// </summary>
    private static int Flood(int port, CancellationToken cancellationToken)
    {
        using var flooder = new SipTestClient(port);
        var messages = FloodMessages(flooder);
        var sent = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            flooder.SendRaw(messages[sent % messages.Length]);
            sent++;
            if (sent % 10 == 0)
            {
                Thread.Sleep(5);
            }
        }

        return sent;
    }

    private static byte[][] FloodMessages(SipTestClient flooder)
    {
        var random = new Random(7);
        var offer = SipTestClient.Offer(9, "0");
        var messages = new byte[600][];
        for (var i = 0; i < messages.Length; i++)
        {
            var id = "flood-" + i;
            messages[i] = (i % 6) switch
            {
                0 => Wire(flooder.Request("INVITE", id, "f", body: offer)),
                1 => Wire(flooder.Request("OPTIONS", id, "f")),
                2 => Garbage(random),
                3 => Truncated(Wire(flooder.Request("INVITE", id, "f", body: offer)), random),
                4 => Wire(flooder.Request("OPTIONS", id, "f", extraHeaders: "X-Huge: " + new string('x', 30_000) + "\r\n")),
                _ => Wire(flooder.Request("BYE", id, "f", toTag: "wrong").Replace("Content-Length: 0", "Content-Length: -3", StringComparison.Ordinal)),
            };
        }

        return messages;
    }

    private static byte[] Wire(string message) =>
        Encoding.UTF8.GetBytes(message.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));

    private static byte[] Garbage(Random random)
    {
        var garbage = new byte[random.Next(1, 1400)];
        random.NextBytes(garbage);
        return garbage;
    }

    private static byte[] Truncated(byte[] full, Random random) => full.AsSpan(0, random.Next(1, full.Length)).ToArray();
}

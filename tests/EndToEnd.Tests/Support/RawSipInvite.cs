using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VoiceConnector.EndToEnd.Tests.Support;

/// <summary>
/// The signalling of one short call, by hand over UDP: INVITE (PCMU offer), note when 100/200 arrive, ACK, BYE.
/// Used to time what the edge does between an INVITE and its 200 OK.
/// </summary>
internal static class RawSipInvite
{
    /// <summary>Returns the <see cref="Stopwatch"/> times the INVITE was sent and the 200 OK arrived.</summary>
    public static async Task<(long SentAt, long OkAt)> CallAndHangUpAsync(int edgePort, string number)
    {
        using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)udp.Client.LocalEndPoint!;
        var edge = new IPEndPoint(IPAddress.Loopback, edgePort);
        var callId = Guid.NewGuid().ToString("N");
        var port = edgePort.ToString(CultureInfo.InvariantCulture);
        var me = local.Port.ToString(CultureInfo.InvariantCulture);
        var sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
            + $"m=audio {(local.Port + 2).ToString(CultureInfo.InvariantCulture)} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
        string Request(string method, int cseq, string to, string body = "") =>
            $"{method} sip:{number}@127.0.0.1:{port} SIP/2.0\r\n"
            + $"Via: SIP/2.0/UDP 127.0.0.1:{me};branch=z9hG4bK{Guid.NewGuid():N};rport\r\n"
            + "Max-Forwards: 70\r\n"
            + "From: <sip:warm@127.0.0.1>;tag=warm1\r\n"
            + $"To: {to}\r\n"
            + $"Call-ID: {callId}\r\n"
            + $"CSeq: {cseq.ToString(CultureInfo.InvariantCulture)} {method}\r\n"
            + $"Contact: <sip:warm@127.0.0.1:{me}>\r\n"
            + (body.Length > 0 ? "Content-Type: application/sdp\r\n" : "")
            + $"Content-Length: {Encoding.UTF8.GetByteCount(body).ToString(CultureInfo.InvariantCulture)}\r\n\r\n" + body;

        var sentAt = Stopwatch.GetTimestamp();
        await udp.SendAsync(Encoding.UTF8.GetBytes(Request("INVITE", 1, $"<sip:{number}@127.0.0.1>", sdp)), edge);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var answer = Encoding.UTF8.GetString((await udp.ReceiveAsync(timeout.Token)).Buffer);
            if (!answer.StartsWith("SIP/2.0 200", StringComparison.Ordinal))
            {
                continue;
            }

            var okAt = Stopwatch.GetTimestamp();
            var to = answer.Split("\r\n").First(l => l.StartsWith("To:", StringComparison.OrdinalIgnoreCase))[3..].Trim();
            await udp.SendAsync(Encoding.UTF8.GetBytes(Request("ACK", 1, to)), edge);
            await udp.SendAsync(Encoding.UTF8.GetBytes(Request("BYE", 2, to)), edge);
            return (sentAt, okAt);
        }
    }
}

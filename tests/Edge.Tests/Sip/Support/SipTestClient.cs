using System.Net;
using System.Net.Sockets;
using System.Text;
using VoiceConnector.Edge.Sip.Messages;

namespace VoiceConnector.Edge.Tests.Sip.Support;

/// <summary>A minimal SIP peer over UDP on 127.0.0.1 for driving the edge message by message.</summary>
internal sealed class SipTestClient : IDisposable
{
    private readonly Socket socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint edge;
    private int sequence;

    public SipTestClient(int edgePort)
    {
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        edge = new IPEndPoint(IPAddress.Loopback, edgePort);
    }

    public IPEndPoint LocalEndPoint { get; }

    public string Local => "127.0.0.1:" + LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Target => "127.0.0.1:" + edge.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public void SendRaw(byte[] data) => socket.SendTo(data, edge);

    public void Send(string message) => SendRaw(Encoding.UTF8.GetBytes(message.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal)));

    public static string NewBranch() => "z9hG4bK" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>Next message from the edge, or null after the timeout.</summary>
    public async Task<SipMessage?> ReceiveAsync(TimeSpan? timeout = null)
    {
        var buffer = new byte[65536];
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(3));
        try
        {
            var result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
            return SipMessageParser.Parse(buffer.AsSpan(0, result.ReceivedBytes), datagram: true).Message;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Receives until a response with at least this status arrives (skipping 100/180), or null.</summary>
    public async Task<SipResponse?> ReceiveFinalAsync(int minimum = 200, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(3));
        while (DateTime.UtcNow < deadline)
        {
            if (await ReceiveAsync(deadline - DateTime.UtcNow) is SipResponse response && response.StatusCode >= minimum)
            {
                return response;
            }
        }

        return null;
    }

    public string Request(string method, string callId, string fromTag, string? toTag = null, string? body = null, string? extraHeaders = null, string? branch = null, int? cseq = null, string contentType = "application/sdp")
    {
        var number = cseq ?? Interlocked.Increment(ref sequence);
        var builder = new StringBuilder();
        builder.Append(method).Append(" sip:+15550001111@").Append(Target).Append(" SIP/2.0\r\n");
        builder.Append("Via: SIP/2.0/UDP ").Append(Local).Append(";branch=").Append(branch ?? NewBranch()).Append(";rport\r\n");
        builder.Append("Max-Forwards: 70\r\n");
        builder.Append("From: \"Test\" <sip:tester@").Append(Local).Append(">;tag=").Append(fromTag).Append("\r\n");
        builder.Append("To: <sip:+15550001111@").Append(Target).Append('>').Append(toTag is null ? string.Empty : ";tag=" + toTag).Append("\r\n");
        builder.Append("Call-ID: ").Append(callId).Append("\r\n");
        builder.Append("CSeq: ").Append(number).Append(' ').Append(method).Append("\r\n");
        builder.Append("Contact: <sip:tester@").Append(Local).Append(">\r\n");
        builder.Append(extraHeaders);
        if (body is not null)
        {
            builder.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        builder.Append("Content-Length: ").Append(Encoding.UTF8.GetByteCount(body ?? string.Empty)).Append("\r\n\r\n").Append(body);
        return builder.ToString();
    }

    public static string Offer(int rtpPort, string formats = "0 8 101", string direction = "sendrecv", string address = "127.0.0.1") =>
        $"v=0\r\no=tester 1 1 IN IP4 {address}\r\ns=-\r\nc=IN IP4 {address}\r\nt=0 0\r\nm=audio {rtpPort} RTP/AVP {formats}\r\n"
        + "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=" + direction + "\r\n";

    /// <summary>INVITE with an SDP offer, the 200 OK checked, then ACK: the call is up and its agent running.</summary>
    public async Task<SipResponse> EstablishAsync(string callId, int rtpPort = 40040)
    {
        Send(Request("INVITE", callId, "fromtag", body: Offer(rtpPort), cseq: 1));
        var ok = (await ReceiveFinalAsync())!;
        Assert.Equal(200, ok.StatusCode);
        Send(Request("ACK", callId, "fromtag", ok.To!.Tag, cseq: 1));
        return ok;
    }

    /// <summary>The next request of <paramref name="method"/> the edge sends (other messages are skipped).</summary>
    public async Task<SipRequest> ReceiveRequestAsync(string method)
    {
        for (var i = 0; i < 20; i++)
        {
            if (await ReceiveAsync(TimeSpan.FromSeconds(5)) is SipRequest request && request.Method == method)
            {
                return request;
            }
        }

        throw new TimeoutException("no " + method);
    }

    public void Dispose() => socket.Dispose();
}

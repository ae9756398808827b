using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace VoiceConnector.Edge.LoadTests;

/// <summary>
/// Opens a TCP connection and performs the RFC 6455 opening handshake by hand, with Twilio's signature header, so
/// the stream can then be driven as a plain non-blocking socket. Synchronous on purpose: a socket that has seen an
/// async operation is registered with .NET's own epoll thread, which would then wake for every message as well.
/// </summary>
internal static class WebSocketUpgrade
{
    private const int TimeoutMs = 30_000;

    /// <summary>The connected socket, upgraded; throws <see cref="IOException"/> when the edge refuses.</summary>
    public static Socket Connect(Uri uri, string signature)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            ReceiveTimeout = TimeoutMs,
            SendTimeout = TimeoutMs,
        };
        try
        {
            socket.Connect(uri.Host, uri.Port);
            var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            var request = $"GET {uri.PathAndQuery} HTTP/1.1\r\nHost: {uri.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
                $"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nX-Twilio-Signature: {signature}\r\n\r\n";
            socket.Send(Encoding.ASCII.GetBytes(request));
            var response = ReadHead(socket);
            if (!response.StartsWith("HTTP/1.1 101", StringComparison.Ordinal))
            {
                throw new IOException("upgrade refused: " + response.Split("\r\n")[0]);
            }

#pragma warning disable CA5350 // RFC 6455 §4.2.2 defines Sec-WebSocket-Accept with SHA-1; it is no security measure.
            var accept = Convert.ToBase64String(SHA1.HashData(Encoding.ASCII.GetBytes(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")));
#pragma warning restore CA5350
            if (!response.Contains("Sec-WebSocket-Accept: " + accept, StringComparison.OrdinalIgnoreCase))
            {
                throw new IOException("upgrade answered without the right Sec-WebSocket-Accept");
            }

            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Reads the response head byte by byte (nothing of the WebSocket stream after it is consumed).</summary>
    private static string ReadHead(Socket socket)
    {
        var head = new List<byte>(256);
        Span<byte> one = stackalloc byte[1];
        while (head.Count < 8192)
        {
            if (socket.Receive(one) == 0)
            {
                throw new IOException("connection closed during the upgrade");
            }

            head.Add(one[0]);
            if (head.Count >= 4 && head[^1] == '\n' && head[^2] == '\r' && head[^3] == '\n' && head[^4] == '\r')
            {
                return Encoding.ASCII.GetString(head.ToArray());
            }
        }

        throw new IOException("upgrade response head too long");
    }
}

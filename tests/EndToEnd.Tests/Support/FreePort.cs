using System.Net;
using System.Net.Sockets;

namespace VoiceConnector.EndToEnd.Tests.Support;

/// <summary>Free loopback ports for the apps under test (asked of the OS, TCP and UDP both free for SIP).</summary>
internal static class FreePort
{
    public static int Tcp()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A port free for both UDP and TCP.</summary>
    public static int UdpAndTcp()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            using var udp = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.Client.LocalEndPoint!).Port;
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken for TCP: try another.
            }
        }

        throw new InvalidOperationException("no free UDP+TCP port");
    }

    /// <summary>An even port with <paramref name="count"/> free ports after it, for an RTP range.</summary>
    public static int RtpRange(int count) => 2 * Random.Shared.Next(15_000, 29_000 - count);
}

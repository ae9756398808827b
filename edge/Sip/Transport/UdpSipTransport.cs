using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using VoiceConnector.Edge.Sip.Access;

namespace VoiceConnector.Edge.Sip.Transport;

/// <summary>
/// The UDP listener. Its receive loop only copies each datagram, applies the per-source flood limit and hands the
/// bytes to the bounded inbound channel; parsing and handling happen elsewhere. Responses leave from this socket,
/// so they come from the address the request was sent to (RFC 3581 symmetric signalling).
/// </summary>
public sealed class UdpSipTransport : IAsyncDisposable
{
    private readonly Socket socket;
    private readonly ChannelWriter<SipInboundMessage> inbound;
    private readonly SipAccessPolicy policy;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private Task receiving = Task.CompletedTask;
    private int queueFullLogged;

    public UdpSipTransport(IPEndPoint bind, ChannelWriter<SipInboundMessage> inbound, SipAccessPolicy policy, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(bind);
        this.inbound = inbound;
        this.policy = policy;
        this.logger = logger;
        socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.ReceiveBufferSize = 4 * 1024 * 1024;
        socket.Bind(bind);
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public void Start()
    {
        logger.Listening("UDP", LocalEndPoint);
        receiving = Task.Run(() => ReceiveLoopAsync(stopping.Token));
    }

    public bool Send(IPEndPoint target, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        try
        {
            socket.SendTo(data, SocketFlags.None, target);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[65536];
        EndPoint any = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult result;
            try
            {
                result = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException exception) when (exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                continue;
            }

            var remote = (IPEndPoint)result.RemoteEndPoint;
            var data = buffer.AsSpan(0, result.ReceivedBytes);
            if (!policy.Admit(data, remote.Address, out var firstDrop))
            {
                if (firstDrop)
                {
                    logger.FloodDropping(remote.Address);
                }

                continue;
            }

            if (!inbound.TryWrite(new SipInboundMessage(data.ToArray(), new SipRemote(SipProtocol.Udp, remote))))
            {
                if (Interlocked.Exchange(ref queueFullLogged, 1) == 0)
                {
                    logger.QueueFull();
                }
            }
            else
            {
                Volatile.Write(ref queueFullLogged, 0);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        socket.Dispose();
        try
        {
            await receiving;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        stopping.Dispose();
    }
}

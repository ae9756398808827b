using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using VoiceConnector.Edge.Sip.Access;

namespace VoiceConnector.Edge.Sip.Transport;

/// <summary>
/// The UDP listener. Its receive loop only copies each datagram, applies the per-source flood limit and hands the
/// bytes to the bounded inbound channel; parsing and handling happen elsewhere. The loop has a thread of its own,
/// blocking on the socket: under a flood, receives always have data, and an async loop would never give its
/// thread-pool thread back, starving the calls' agents. Responses leave from this socket, so they come from the
/// address the request was sent to (RFC 3581 symmetric signalling).
/// </summary>
public sealed class UdpSipTransport : IAsyncDisposable
{
    private readonly Socket socket;
    private readonly ChannelWriter<SipInboundMessage> inbound;
    private readonly SipAccessPolicy policy;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stopping = new();
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? receiving;
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
        receiving = new Thread(ReceiveLoop) { IsBackground = true, Name = "sip-udp-receive" };
        receiving.Start();
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

    private void ReceiveLoop()
    {
        var buffer = new byte[65536];
        var source = new SocketAddress(socket.AddressFamily);
        try
        {
            while (!stopping.IsCancellationRequested)
            {
                int length;
                try
                {
                    length = socket.ReceiveFrom(buffer, SocketFlags.None, source);
                }
                catch (SocketException exception) when (!stopping.IsCancellationRequested && exception.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
                {
                    continue;
                }
                catch (Exception exception) when (exception is ObjectDisposedException or SocketException)
                {
                    break;
                }

                var remote = (IPEndPoint)LocalEndPoint.Create(source);
                var data = buffer.AsSpan(0, length);
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
        finally
        {
            stopped.TrySetResult();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        socket.Dispose();
        if (receiving is not null)
        {
            await stopped.Task;
        }

        stopping.Dispose();
    }
}

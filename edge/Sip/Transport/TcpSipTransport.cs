using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using VoiceConnector.Edge.Sip.Access;

namespace VoiceConnector.Edge.Sip.Transport;

/// <summary>The TCP listener: accepts connections (bounded in number) and sends on the connection a peer used.</summary>
public sealed class TcpSipTransport : IAsyncDisposable
{
    public const int MaxConnections = 2048;

    private readonly Socket listener;
    private readonly ChannelWriter<SipInboundMessage> inbound;
    private readonly SipAccessPolicy policy;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<IPEndPoint, TcpSipConnection> connections = new();
    private readonly CancellationTokenSource stopping = new();
    private Task accepting = Task.CompletedTask;

    public TcpSipTransport(IPEndPoint bind, ChannelWriter<SipInboundMessage> inbound, SipAccessPolicy policy, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(bind);
        this.inbound = inbound;
        this.policy = policy;
        this.logger = logger;
        listener = new Socket(bind.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(bind);
        listener.Listen(512);
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public void Start()
    {
        logger.Listening("TCP", LocalEndPoint);
        accepting = Task.Run(() => AcceptLoopAsync(stopping.Token));
    }

    /// <summary>Sends on the peer's connection; opens one when it is gone (RFC 3261 §18.2.2).</summary>
    public bool Send(IPEndPoint target, byte[] data)
    {
        if (connections.TryGetValue(target, out var connection))
        {
            return connection.Send(data);
        }

        _ = ConnectAndSendAsync(target, data);
        return true;
    }

    private async Task ConnectAndSendAsync(IPEndPoint target, byte[] data)
    {
        var socket = new Socket(target.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await socket.ConnectAsync(target, timeout.Token);
            var connection = Track(socket);
            connection?.Send(data);
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            socket.Dispose();
            logger.TransportError("TCP", exception);
        }
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException)
            {
                continue;
            }

            if (connections.Count >= MaxConnections || !policy.IsAllowed(((IPEndPoint)socket.RemoteEndPoint!).Address) && connections.Count >= MaxConnections / 2)
            {
                socket.Dispose();
                continue;
            }

            Track(socket);
        }
    }

    private TcpSipConnection? Track(Socket socket)
    {
        socket.NoDelay = true;
        var connection = new TcpSipConnection(socket, inbound, policy, logger);
        if (!connections.TryAdd(connection.Remote, connection))
        {
            socket.Dispose();
            return null;
        }

        connection.Start();
        _ = connection.Completion.ContinueWith(_ => connections.TryRemove(connection.Remote, out var _), TaskScheduler.Default);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Dispose();
        await accepting;
        foreach (var connection in connections.Values)
        {
            await connection.DisposeAsync();
        }

        stopping.Dispose();
    }
}

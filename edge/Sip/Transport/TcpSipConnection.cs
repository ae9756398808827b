using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using VoiceConnector.Edge.Sip.Access;
using VoiceConnector.Edge.Sip.Messages;

namespace VoiceConnector.Edge.Sip.Transport;

/// <summary>
/// One TCP connection: a read loop that frames messages by Content-Length into a bounded buffer, and a writer
/// draining a bounded queue. A stream that cannot be framed, or that overflows the buffer, is closed.
/// </summary>
public sealed class TcpSipConnection : IAsyncDisposable
{
    /// <summary>Largest message (headers and body) a connection buffers.</summary>
    public const int MaxBuffered = SipMessageParser.MaxHeaderBytes + SipMessageParser.MaxBodyBytes + 4;

    private readonly Socket socket;
    private readonly ChannelWriter<SipInboundMessage> inbound;
    private readonly SipAccessPolicy policy;
    private readonly ILogger logger;
    private readonly Channel<byte[]> outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(256) { SingleReader = true, FullMode = BoundedChannelFullMode.DropWrite });
    private readonly CancellationTokenSource closing = new();
    private Task running = Task.CompletedTask;

    public TcpSipConnection(Socket socket, ChannelWriter<SipInboundMessage> inbound, SipAccessPolicy policy, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(socket);
        this.socket = socket;
        this.inbound = inbound;
        this.policy = policy;
        this.logger = logger;
        Remote = (IPEndPoint)socket.RemoteEndPoint!;
    }

    public IPEndPoint Remote { get; }

    /// <summary>Completes when the connection has closed.</summary>
    public Task Completion => running;

    public void Start() => running = Task.WhenAll(Task.Run(ReadLoopAsync), Task.Run(WriteLoopAsync));

    public bool Send(byte[] data) => outgoing.Writer.TryWrite(data);

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[MaxBuffered];
        var filled = 0;
        var reason = "peer closed";
        var source = new SipRemote(SipProtocol.Tcp, Remote);
        try
        {
            while (!closing.IsCancellationRequested)
            {
                if (filled == buffer.Length)
                {
                    reason = "message larger than the connection buffer";
                    break;
                }

                var read = await socket.ReceiveAsync(buffer.AsMemory(filled), SocketFlags.None, closing.Token);
                if (read == 0)
                {
                    break;
                }

                filled += read;
                var consumed = 0;
                while (true)
                {
                    var length = SipStreamFramer.NextFrameLength(buffer.AsSpan(consumed, filled - consumed));
                    if (length < 0)
                    {
                        reason = "unframeable stream (bad Content-Length)";
                        return;
                    }

                    if (length == 0)
                    {
                        break;
                    }

                    var frame = buffer.AsSpan(consumed, length);
                    consumed += length;
                    if (frame[0] is (byte)'\r' or (byte)'\n')
                    {
                        continue;
                    }

                    if (!policy.Admit(frame, Remote.Address, out var firstDrop))
                    {
                        if (firstDrop)
                        {
                            logger.FloodDropping(Remote.Address);
                        }

                        continue;
                    }

                    inbound.TryWrite(new SipInboundMessage(frame.ToArray(), source));
                }

                if (consumed > 0)
                {
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                }
            }
        }
        catch (OperationCanceledException)
        {
            reason = "closing";
        }
        catch (SocketException exception)
        {
            reason = exception.SocketErrorCode.ToString();
        }
        finally
        {
            logger.TcpClosed(Remote, reason);
            outgoing.Writer.TryComplete();
            await closing.CancelAsync();
        }
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            await foreach (var data in outgoing.Reader.ReadAllAsync(closing.Token))
            {
                await socket.SendAsync(data, SocketFlags.None, closing.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Closing.
        }
        catch (SocketException)
        {
            await closing.CancelAsync();
        }
        finally
        {
            socket.Dispose();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        socket.Dispose();
        try
        {
            await running;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Closed.
        }

        closing.Dispose();
    }
}

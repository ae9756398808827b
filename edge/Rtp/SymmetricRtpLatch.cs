using System.Net;
using System.Net.Sockets;

namespace VoiceConnector.Edge.Rtp;

/// <summary>
/// Symmetric RTP (for callers behind NAT): we send to the signalled address until the caller's first valid packet
/// arrives, then latch onto the address that packet really came from; packets from any other address are refused
/// until the signalling gives a new address (re-INVITE). Thread-safe.
/// </summary>
public sealed class SymmetricRtpLatch
{
    private SocketAddress destination;
    private SocketAddress? latched;

    public SymmetricRtpLatch(IPEndPoint signalled)
    {
        ArgumentNullException.ThrowIfNull(signalled);
        destination = signalled.Serialize();
    }

    /// <summary>Where to send: the latched source, else the signalled address.</summary>
    public SocketAddress Destination => Volatile.Read(ref destination);

    /// <summary>True once a source has been latched.</summary>
    public bool IsLatched => Volatile.Read(ref latched) is not null;

    /// <summary>The latched source, or null.</summary>
    public IPEndPoint? LatchedEndPoint => Volatile.Read(ref latched) is { } address ? ToEndPoint(address) : null;

    /// <summary>Checks a packet's source: true when it is (or has just become) the latched caller.</summary>
    public bool Accept(SocketAddress source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var current = Volatile.Read(ref latched);
        if (current is not null)
        {
            return current.Equals(source);
        }

        var copy = new SocketAddress(source.Family, source.Size);
        source.Buffer.Span[..source.Size].CopyTo(copy.Buffer.Span);
        if (Interlocked.CompareExchange(ref latched, copy, null) is { } raced)
        {
            return raced.Equals(source);
        }

        Volatile.Write(ref destination, copy);
        return true;
    }

    /// <summary>New signalled address (re-INVITE): send there and latch again on the next packet.</summary>
    public void Reset(IPEndPoint signalled)
    {
        ArgumentNullException.ThrowIfNull(signalled);
        Volatile.Write(ref latched, null);
        Volatile.Write(ref destination, signalled.Serialize());
    }

    private static IPEndPoint ToEndPoint(SocketAddress address) =>
        (IPEndPoint)new IPEndPoint(address.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0).Create(address);
}

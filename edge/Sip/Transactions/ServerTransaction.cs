using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Sip.Transport;

namespace VoiceConnector.Edge.Sip.Transactions;

/// <summary>Common part of the server transactions: the request, where responses go, the last response sent.</summary>
public abstract class ServerTransaction : IDisposable
{
    protected ServerTransaction(SipTransactionLayer layer, string key, SipRequest request, SipRemote source)
    {
        ArgumentNullException.ThrowIfNull(request);
        Layer = layer;
        Key = key;
        Request = request;
        Source = source;
        ResponseTarget = SipResponseRouting.TargetFor(request, source);
    }

    public string Key { get; }

    public SipRequest Request { get; }

    public SipRemote Source { get; }

    /// <summary>Where responses are sent (received/rport for UDP, the connection for TCP).</summary>
    public SipRemote ResponseTarget { get; }

    public bool IsTerminated { get; private set; }

    /// <summary>Status code of the last response sent, 0 before any.</summary>
    public int LastStatus { get; private set; }

    protected SipTransactionLayer Layer { get; }

    protected byte[]? LastResponse { get; private set; }

    /// <summary>The TU's response. Call under the gate.</summary>
    public abstract void Respond(SipResponse response);

    /// <summary>The same request arrived again. Call under the gate.</summary>
    public abstract void OnRetransmission();

    protected void Transmit(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        LastStatus = response.StatusCode;
        LastResponse = response.ToBytes();
        Resend();
    }

    protected void Resend()
    {
        if (LastResponse is not null)
        {
            Layer.Transport.Send(ResponseTarget, LastResponse);
        }
    }

    protected void Terminate()
    {
        if (IsTerminated)
        {
            return;
        }

        IsTerminated = true;
        Layer.Remove(this);
        Dispose();
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}

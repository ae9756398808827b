using VoiceConnector.Edge.Sip.Messages;
using VoiceConnector.Edge.Sip.Transport;

namespace VoiceConnector.Edge.Sip.Transactions;

/// <summary>
/// The transaction tables. All SIP state (transactions, dialogs) is changed under <see cref="Gate"/>; timer
/// callbacks take it too, so the state machines need no other locking.
/// </summary>
public sealed class SipTransactionLayer
{
    private readonly Dictionary<string, ServerTransaction> servers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NonInviteClientTransaction> clients = new(StringComparer.Ordinal);

    public SipTransactionLayer(ISipTransport transport, TimeProvider time)
    {
        Transport = transport;
        Time = time;
    }

    public object Gate { get; } = new();

    public ISipTransport Transport { get; }

    public TimeProvider Time { get; }

    public int ServerCount => servers.Count;

    public int ClientCount => clients.Count;

    /// <summary>The server transaction a request (or its ACK) belongs to, or null. Call under the gate.</summary>
    public ServerTransaction? FindServer(SipRequest request)
    {
        var key = TransactionKey.ForServer(request);
        return key is not null && servers.TryGetValue(key, out var transaction) ? transaction : null;
    }

    /// <summary>The INVITE transaction a CANCEL targets (same branch and sent-by). Call under the gate.</summary>
    public InviteServerTransaction? FindInviteFor(SipRequest cancel)
    {
        var key = TransactionKey.ForServer(cancel, SipMethods.Invite);
        return key is not null && servers.TryGetValue(key, out var transaction) ? transaction as InviteServerTransaction : null;
    }

    /// <summary>Creates the server transaction for a new request (INVITE sends 100 Trying). Call under the gate.</summary>
    public ServerTransaction CreateServer(SipRequest request, SipRemote source)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = TransactionKey.ForServer(request) ?? throw new ArgumentException("request without Via", nameof(request));
        ServerTransaction transaction = request.Method == SipMethods.Invite
            ? new InviteServerTransaction(this, key, request, source)
            : new NonInviteServerTransaction(this, key, request, source);
        servers[key] = transaction;
        return transaction;
    }

    /// <summary>Starts a non-INVITE client transaction. Call under the gate; await the completion outside it.</summary>
    public NonInviteClientTransaction SendRequest(SipRequest request, SipRemote target)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.TopVia?.Branch + "|" + request.Method;
        var transaction = new NonInviteClientTransaction(this, key, request, target);
        clients[key] = transaction;
        transaction.Start();
        return transaction;
    }

    /// <summary>Hands a response to its client transaction; false when none matches (stray response). Call under the gate.</summary>
    public bool HandleResponse(SipResponse response)
    {
        var key = TransactionKey.ForClient(response);
        if (key is null || !clients.TryGetValue(key, out var transaction))
        {
            return false;
        }

        transaction.OnResponse(response);
        return true;
    }

    internal void Remove(ServerTransaction transaction)
    {
        if (servers.TryGetValue(transaction.Key, out var current) && ReferenceEquals(current, transaction))
        {
            servers.Remove(transaction.Key);
        }
    }

    internal void Remove(NonInviteClientTransaction transaction)
    {
        if (clients.TryGetValue(transaction.Key, out var current) && ReferenceEquals(current, transaction))
        {
            clients.Remove(transaction.Key);
        }
    }
}

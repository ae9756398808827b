using VoiceConnector.Edge.Rtp;
using VoiceConnector.Edge.Sip.Sdp;
using VoiceConnector.Edge.Sip.Transactions;

namespace VoiceConnector.Edge.Sip.Dialogs;

/// <summary>
/// One SIP call: its dialog, RTP session, the 2xx being retransmitted until ACK, and the signalling side the
/// media session calls back into (<see cref="ICallControl"/>: BYE, REFER).
/// </summary>
public sealed class SipCall : ICallControl
{
    private readonly SipCallRegistry registry;

    public SipCall(SipCallRegistry registry, SipDialog dialog, ulong sdpSessionId)
    {
        this.registry = registry;
        Dialog = dialog;
        SdpSessionId = sdpSessionId;
    }

    public SipDialog Dialog { get; }

    public SipCallState State { get; set; } = SipCallState.Answered;

    /// <summary>The media session; null only until the factory created it.</summary>
    public IRtpSession? Session { get; set; }

    public SdpMediaSelection? Selection { get; set; }

    public ulong SdpSessionId { get; }

    public ulong SdpVersion { get; set; } = 1;

    /// <summary>The last SDP we sent (to tell whether a new answer changed, RFC 3264 §8).</summary>
    public string? LastLocalSdp { get; set; }

    /// <summary>The INVITE (initial or re-INVITE) whose 2xx awaits its ACK, with its CSeq number.</summary>
    public InviteServerTransaction? PendingInvite { get; set; }

    public uint PendingInviteCSeq { get; set; }

    /// <summary>Serialized 2xx retransmitted until the ACK (RFC 3261 §13.3.1.4).</summary>
    public byte[]? PendingOk { get; set; }

    public TimeSpan RetransmitInterval { get; set; } = SipTimers.T1;

    public TransactionTimer? RetransmitTimer { get; set; }

    public TransactionTimer? GiveUpTimer { get; set; }

    /// <summary>The running agent, once the ACK started it.</summary>
    public Task AgentTask { get; set; } = Task.CompletedTask;

    public CancellationTokenSource Lifetime { get; } = new();

    public ValueTask HangUpAsync(string reason, CancellationToken cancellationToken) =>
        registry.HangUpAsync(this, reason, cancellationToken);

    public ValueTask<bool> TransferAsync(string target, CancellationToken cancellationToken) =>
        registry.TransferAsync(this, target, cancellationToken);
}

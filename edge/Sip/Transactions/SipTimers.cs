namespace VoiceConnector.Edge.Sip.Transactions;

/// <summary>RFC 3261 §17 timer values (Table 4).</summary>
public static class SipTimers
{
    /// <summary>RTT estimate: base retransmission interval.</summary>
    public static readonly TimeSpan T1 = TimeSpan.FromMilliseconds(500);

    /// <summary>Cap on the retransmission interval of non-INVITE requests and INVITE responses.</summary>
    public static readonly TimeSpan T2 = TimeSpan.FromSeconds(4);

    /// <summary>Longest a message lives in the network.</summary>
    public static readonly TimeSpan T4 = TimeSpan.FromSeconds(5);

    /// <summary>64*T1: timers B, F, H, J, L and the 2xx-until-ACK limit.</summary>
    public static readonly TimeSpan TransactionTimeout = T1 * 64;

    /// <summary>The next interval of a doubling schedule capped at T2.</summary>
    public static TimeSpan NextInterval(TimeSpan interval) => interval * 2 > T2 ? T2 : interval * 2;
}

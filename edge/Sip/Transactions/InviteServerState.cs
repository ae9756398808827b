namespace VoiceConnector.Edge.Sip.Transactions;

/// <summary>States of the INVITE server transaction (RFC 3261 §17.2.1, RFC 6026).</summary>
public enum InviteServerState
{
    Proceeding,
    Completed,
    Confirmed,
    Accepted,
}

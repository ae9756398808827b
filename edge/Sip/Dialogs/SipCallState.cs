namespace VoiceConnector.Edge.Sip.Dialogs;

/// <summary>Where a call is in its life.</summary>
public enum SipCallState
{
    /// <summary>200 OK sent, retransmitted until the ACK.</summary>
    Answered,

    /// <summary>ACK received: media flows and the agent runs.</summary>
    Confirmed,

    Ended,
}

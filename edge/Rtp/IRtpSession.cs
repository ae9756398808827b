using System.Net;
using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Rtp;

/// <summary>
/// One call's RTP/RTCP media, seen by the agent as <see cref="ICallMedia"/> and driven by the SIP dialog.
/// Lifecycle: created by <see cref="IRtpSessionFactory"/> (ports bound), <see cref="Start"/> after the answer,
/// <see cref="Update"/> on re-INVITE, <see cref="End"/> when the call is over; disposing returns the ports.
/// </summary>
public interface IRtpSession : ICallMedia, IAsyncDisposable
{
    /// <summary>Local RTP address (RTCP is on the next port) to put in the SDP answer.</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Begins receiving and sending with the negotiated parameters.</summary>
    void Start(RtpSessionParameters parameters);

    /// <summary>Applies a re-INVITE: new remote address, codec or hold state.</summary>
    void Update(RtpSessionParameters parameters);

    /// <summary>Asks the agent to end the call soon (<see cref="ICallMedia.EndRequested"/>): the edge is shutting down.</summary>
    void RequestEnd();

    /// <summary>The call is over (BYE, CANCEL, error): completes <see cref="ICallMedia.Ended"/> and the caller channels.</summary>
    void End(string reason);
}

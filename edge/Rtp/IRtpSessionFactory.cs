using VoiceConnector.Edge.Calls;

namespace VoiceConnector.Edge.Rtp;

/// <summary>Creates RTP sessions on port pairs from the configured range.</summary>
public interface IRtpSessionFactory
{
    /// <summary>
    /// Binds a new session on a free port pair; null when the range is exhausted (the UAS answers 503).
    /// <paramref name="control"/> is how the session's <see cref="ICallMedia.HangUpAsync"/> and
    /// <see cref="ICallMedia.TransferAsync"/> reach the signalling.
    /// </summary>
    IRtpSession? TryCreate(CallDescription description, ICallControl control);
}

using System.Threading.Channels;

namespace VoiceConnector.Edge.Calls;

/// <summary>
/// The call-media seam: one live call as the agent sees it, whatever the transport (SIP/RTP or
/// Twilio Media Streams). Audio is 16 kHz mono PCM in 20 ms <see cref="AudioFrame"/>s both ways;
/// the transport does codecs, resampling, jitter buffering and pacing.
/// </summary>
/// <remarks>
/// Playout positions are counted in 16 kHz samples since the call started: <see cref="PlayoutQueuedPosition"/>
/// is the end of everything accepted for playout so far, <see cref="PlayoutPlayedPosition"/> the end of what the
/// caller has actually been sent (SIP: packets on the wire; Twilio: confirmed by an echoed mark). An agent that
/// records the queued position before and after each utterance can tell, after <see cref="ClearPlayout"/>,
/// exactly how much of each utterance was heard.
/// </remarks>
public interface ICallMedia
{
    CallDescription Description { get; }

    /// <summary>Caller audio, 20 ms frames in order, with concealment for lost packets. The reader owns (and disposes) each frame.</summary>
    ChannelReader<AudioFrame> CallerAudio { get; }

    /// <summary>DTMF digits the caller pressed (each key press once, however the transport repeats it).</summary>
    ChannelReader<DtmfDigit> CallerDtmf { get; }

    /// <summary>Completes (is cancelled) when the call has ended, whoever ended it.</summary>
    CancellationToken Ended { get; }

    /// <summary>
    /// Cancelled when the transport asks the agent to end the call soon: the edge is shutting down and the drain period
    /// is over. The agent should say a short goodbye and hang up; the transport ends the call itself a few seconds later.
    /// </summary>
    CancellationToken EndRequested { get; }

    /// <summary>Why the call ended ("caller-bye", "agent-hangup", ...); null while it is live.</summary>
    string? EndReason { get; }

    long PlayoutQueuedPosition { get; }

    long PlayoutPlayedPosition { get; }

    /// <summary>
    /// Queues 16 kHz PCM for playout (copied; any length). Completes once it is queued; waits while more
    /// than a short bound (about a second) is already queued, so a fast producer cannot build an unbounded backlog.
    /// </summary>
    ValueTask PlayAsync(ReadOnlyMemory<short> pcm, CancellationToken cancellationToken);

    /// <summary>
    /// Barge-in: drops everything queued and not yet played, at once (and tells the far end to drop what it
    /// buffered, where it can). Returns the played position, which becomes the queued position too.
    /// </summary>
    long ClearPlayout();

    /// <summary>Sends a DTMF digit to the caller's side (RFC 4733 on SIP).</summary>
    ValueTask SendDtmfAsync(char digit, CancellationToken cancellationToken);

    /// <summary>Ends the call from the agent side (BYE on SIP, stream closed on Twilio).</summary>
    ValueTask HangUpAsync(string reason, CancellationToken cancellationToken);

    /// <summary>Transfers the caller to a SIP URI or E.164 number. False when the transport could not do it.</summary>
    ValueTask<bool> TransferAsync(string target, CancellationToken cancellationToken);
}

namespace VoiceConnector.Edge.Rtp;

/// <summary>The signalling side of a call, as the media session needs it: implemented by the SIP dialog.</summary>
public interface ICallControl
{
    /// <summary>Ends the call (sends BYE).</summary>
    ValueTask HangUpAsync(string reason, CancellationToken cancellationToken);

    /// <summary>Transfers the caller (sends REFER); false when the peer refused or does not support it.</summary>
    ValueTask<bool> TransferAsync(string target, CancellationToken cancellationToken);
}

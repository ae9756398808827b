using VoiceConnector.Edge.Rtp;

namespace VoiceConnector.Edge.Tests.Rtp;

/// <summary>Stands in for the SIP dialog (another branch): records what the session asked of the signalling.</summary>
internal sealed class RecordingCallControl : ICallControl
{
    public List<string> HangUps { get; } = [];

    public List<string> Transfers { get; } = [];

    public ValueTask HangUpAsync(string reason, CancellationToken cancellationToken)
    {
        HangUps.Add(reason);
        return ValueTask.CompletedTask;
    }

    public ValueTask<bool> TransferAsync(string target, CancellationToken cancellationToken)
    {
        Transfers.Add(target);
        return ValueTask.FromResult(true);
    }
}

namespace VoiceConnector.Edge.Calls;

/// <summary>What runs a call once the transport has answered it: the conversation pipeline, or the echo test.</summary>
public interface ICallAgent
{
    /// <summary>Runs the call until it ends (<see cref="ICallMedia.Ended"/>) or the agent hangs up.</summary>
    Task RunAsync(ICallMedia call, CancellationToken cancellationToken);
}

namespace VoiceConnector.Edge.Calls;

/// <summary>
/// A transport's request that the agent end a call soon (<see cref="ICallMedia.EndRequested"/>): made once, and
/// dropped when it races the call's end (its media already disposed). The token is taken at construction, so an agent
/// may still read it after the media is disposed.
/// </summary>
internal sealed class EndRequest : IDisposable
{
    private readonly CancellationTokenSource requested = new();

    public EndRequest() => Token = requested.Token;

    public CancellationToken Token { get; }

    public void Request()
    {
        try
        {
            requested.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The call ended meanwhile.
        }
    }

    public void Dispose() => requested.Dispose();
}

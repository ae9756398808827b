namespace VoiceConnector.Edge.Ai;

/// <summary>An AI client that can load its model ahead of use with a cheap call (found through <c>GetService</c>).</summary>
public interface IWarmUp
{
    Task WarmUpAsync(CancellationToken cancellationToken);
}

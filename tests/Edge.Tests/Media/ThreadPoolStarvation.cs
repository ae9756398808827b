namespace VoiceConnector.Edge.Tests.Media;

/// <summary>Tests that block the thread pool on purpose: they run alone, never beside timing-sensitive tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ThreadPoolStarvation
{
    public const string Name = "thread pool starvation";
}

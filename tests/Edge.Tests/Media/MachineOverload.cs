namespace VoiceConnector.Edge.Tests.Media;

/// <summary>
/// Tests that overload the machine on purpose (block the thread pool, spin every core): they run alone, never beside
/// timing-sensitive tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MachineOverload
{
    public const string Name = "machine overload";
}

namespace VoiceConnector.EndToEnd.Tests.Support;

/// <summary>One <see cref="LocalSystem"/> shared by the tests of a class (they run one after another).</summary>
public sealed class LocalSystemFixture : IAsyncLifetime
{
    internal LocalSystem System { get; private set; } = null!;

    public async Task InitializeAsync() => System = await LocalSystem.StartAsync();

    public async Task DisposeAsync() => await System.DisposeAsync();
}

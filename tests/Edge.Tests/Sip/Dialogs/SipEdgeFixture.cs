using VoiceConnector.Edge.Tests.Sip.Support;

namespace VoiceConnector.Edge.Tests.Sip.Dialogs;

/// <summary>One edge with default settings shared by the tests of a class.</summary>
public sealed class SipEdgeFixture : IAsyncLifetime
{
    internal SipEdgeHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SipEdgeHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

namespace VoiceConnector.Functions.Tests.Infrastructure;

/// <summary>Theory data: every storage test runs against both providers.</summary>
public static class Providers
{
    public static TheoryData<string> Both => new() { "sqlite", "postgres" };
}

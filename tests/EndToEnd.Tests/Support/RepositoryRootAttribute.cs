namespace VoiceConnector.EndToEnd.Tests.Support;

/// <summary>The repository root at build time: where the apps' build output is found.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class RepositoryRootAttribute(string path) : Attribute
{
    public string Path { get; } = path;
}

namespace VoiceConnector.EndToEnd.Tests.Support;

/// <summary>The Configuration this test assembly was built with: the apps under test are run from the same one.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class BuildConfigurationAttribute(string configuration) : Attribute
{
    public string Configuration { get; } = configuration;
}

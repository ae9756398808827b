namespace VoiceConnector.Infra.Configuration;

/// <summary>The stack configuration cannot be deployed; <see cref="Errors"/> lists every reason.</summary>
public sealed class StackConfigurationException : Exception
{
    public StackConfigurationException(IReadOnlyList<string> errors)
        : base("Invalid stack configuration:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
    {
        Errors = errors;
    }

    public StackConfigurationException()
        : this(Array.Empty<string>())
    {
    }

    public StackConfigurationException(string message)
        : this([message])
    {
    }

    public StackConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; }
}

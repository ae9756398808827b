using VoiceConnector.TwilioFake.Spec;

namespace VoiceConnector.TwilioFake.Operations;

/// <summary>A validated request handed to an operation: its spec operation, path values, query and form.</summary>
public sealed record OperationContext(
    SpecOperation Operation,
    string Path,
    IReadOnlyDictionary<string, string> PathValues,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Form,
    DateTimeOffset Now)
{
    public string AccountSid => PathValues["AccountSid"];

    public string? FormValue(string name) => First(Form, name);

    public IReadOnlyList<string> FormValues(string name) => [.. Form.Where(p => p.Key == name).Select(p => p.Value)];

    public string? QueryValue(string name) => First(Query, name);

    private static string? First(IReadOnlyList<KeyValuePair<string, string>> pairs, string name)
    {
        foreach (var (key, value) in pairs)
        {
            if (key == name)
            {
                return value;
            }
        }

        return null;
    }
}

namespace VoiceConnector.TwilioFake;

/// <summary>A request the fake received, with the operation it addressed (null when none) and the status answered (0 if dropped).</summary>
public sealed record RecordedRequest(
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> Query,
    IReadOnlyList<KeyValuePair<string, string>> Form,
    string? OperationId,
    int Status)
{
    public string? FormValue(string name) => Form.FirstOrDefault(p => p.Key == name).Value;

    public IReadOnlyList<string> FormValues(string name) => [.. Form.Where(p => p.Key == name).Select(p => p.Value)];
}
